/* klp-ccp changed-functions: placeholder until the subcommand lands. */
#include "klp-ccp/diag.h"
#include "klp-ccp/subcommands.h"

int changed_functions_main(int argc, char **argv)
{
	diag_error("'changed-functions' is not implemented yet");
	return 1;
}
