/* klp-ccp glue: placeholder until the subcommand lands. */
#include "klp-ccp/diag.h"
#include "klp-ccp/subcommands.h"

int glue_main(int argc, char **argv)
{
	diag_error("'glue' is not implemented yet");
	return 1;
}
