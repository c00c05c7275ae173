/*
 * --patch: explanations of what the object comparison shows (patch_explain.c).
 */
#ifndef KLP_CCP_PATCH_EXPLAIN_H
#define KLP_CCP_PATCH_EXPLAIN_H

#include <stdbool.h>

#include "klp-ccp/patch_mode.h"

struct patch_info;

struct patch_explain_ctx {
	const struct patch_info *pi;	/* the files it patches, relative to the cwd */
	const char *tree;		/* their patched copies: TREE/PATH */
	const char *orig_dump;		/* the IPA clones dumps of both builds */
	const char *patched_dump;
};

/*
 * Functions with a symbol in one build only that the patch neither added nor
 * removed (GCC inlined them everywhere in the other build, or emitted no code
 * for an unused one there) get a note saying so and leave r->added/removed.
 */
void patch_explain_moved(const struct patch_explain_ctx *c, struct changed_result *r);

/* Does the patched (else the original) text of a patched file define function name? */
bool patch_explain_defined(const struct patch_explain_ctx *c, const char *name, bool patched);

/*
 * Why no function's code changed: "it changes only comments or formatting",
 * or that GCC compiled the change away, naming the functions (file:line) the
 * changed lines are in. Allocated.
 */
char *patch_explain_no_code(const struct patch_explain_ctx *c);

#endif
