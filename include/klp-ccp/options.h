/* Command line of klp-ccp itself (the part before "--"). */
#ifndef KLP_CCP_OPTIONS_H
#define KLP_CCP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/util.h"

enum hook_id {
	HOOK_IS_PATCHED,		/* -I */
	HOOK_MAY_INCLUDE_HEADER,	/* -H */
	HOOK_CAN_EXTERNALIZE_FUN,	/* -F */
	HOOK_SHALL_EXTERNALIZE_FUN,	/* -S */
	HOOK_SHALL_EXTERNALIZE_OBJ,	/* -O */
	HOOK_MODIFY_EXTERNALIZED_SYM,	/* -E */
	HOOK_MODIFY_PATCHED_FUN_SYM,	/* -P */
	HOOK_RENAME_REWRITTEN_FUN,	/* -R */
	HOOK_COUNT
};

/* "is-patched", "may-include-header", ... as in the option names. */
const char *hook_name(enum hook_id id);
/* Its short option letter: 'I', 'H', ... */
char hook_letter(enum hook_id id);

struct options {
	const char *outfile;			/* -o, required for extraction */
	char **patched;				/* --patched-functions, split at ',' */
	size_t n_patched;
	const char *compiler;			/* -c ARCH-gcc-VERSION, or NULL */
	const char *hook_cmd[HOOK_COUNT];	/* NULL: built-in default */
	double hook_timeout;			/* seconds, default 30 */
	const char *pol_server;			/* --pol-server=CMD, or NULL */
	const char *cmdline_json;		/* --cmdline-json=FILE, or NULL */
	const char *kbuild_object;		/* --kbuild-object=OBJ.o, or NULL */
	char **orig_argv;			/* everything after "--" */
	int orig_argc;
	struct strlist target_objects;		/* --target-object, repeatable */
	const char *symvers;			/* --symvers=Module.symvers */
	struct strlist ipa_clones;		/* --ipa-clones=FILE|DIR, repeatable */
	bool no_ipa_extend;			/* --no-ipa-extend: only warn */
	const char *report;			/* --report=FILE.yaml */
	const char *patch;			/* --patch=FILE: derive the functions */
	const char *patch_origin;		/* --patch-origin=K=N,...:PATCH, or NULL */
};

/*
 * Parse argv. Returns 0 when extraction should run, 1 when the run is over
 * successfully (--help, --version printed), -1 on a usage error (one line
 * already printed on stderr).
 */
int cli_parse(int argc, char **argv, struct options *opts);
void options_release(struct options *opts);

#endif
