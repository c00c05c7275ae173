/* klp-ccp ipa-clones: placeholder until the subcommand lands. */
#include "klp-ccp/diag.h"
#include "klp-ccp/subcommands.h"

int ipa_clones_main(int argc, char **argv)
{
	diag_error("'ipa-clones' is not implemented yet");
	return 1;
}
