/* klp-ccp facts: placeholder until the subcommand lands. */
#include "klp-ccp/diag.h"
#include "klp-ccp/subcommands.h"

int facts_main(int argc, char **argv)
{
	diag_error("'facts' is not implemented yet");
	return 1;
}
