/* "klp-ccp SUBCOMMAND ...": argv[0] is the subcommand name. Exit status. */
#ifndef KLP_CCP_SUBCOMMANDS_H
#define KLP_CCP_SUBCOMMANDS_H

int facts_main(int argc, char **argv);			/* src/facts_main.c */
int ipa_clones_main(int argc, char **argv);		/* src/ipa_main.c */
int changed_functions_main(int argc, char **argv);	/* src/changed_main.c */
int glue_main(int argc, char **argv);			/* src/glue_main.c */
int klp_relocs_main(int argc, char **argv);		/* src/klp_reloc_main.c */
int build_main(int argc, char **argv);			/* src/build_main.c */
int verify_main(int argc, char **argv);			/* src/verify_main.c */

#endif
