/*
 * --patch mode: start from the fix itself. Apply it to scratch copies,
 * compile the original and the patched unit, and derive the functions whose
 * code changed.
 */
#ifndef KLP_CCP_PATCH_MODE_H
#define KLP_CCP_PATCH_MODE_H

#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/util.h"

/* Functions by change, by source function name (clones folded in). */
struct changed_result {
	struct strlist changed, added, removed, line_only;
	long long *line_delta;		/* per line_only entry: how far its lines moved */
};

/* changed_set.c: compare two objects function by function. */
int changed_set_compute(const char *orig_o, const char *patched_o,
			struct changed_result *out);
void changed_result_release(struct changed_result *r);

struct patch_plan {
	char *scratch;			/* temporary directory, removed by release */
	char *patched_input;		/* the patched copy of the input */
	char *ipa_dump;			/* GCC's clone dump of the original unit */
	char *iquote;			/* the original's directory, for its "..." includes */
	struct strlist functions;	/* derived patched functions */
	char *source;			/* the original input, as given */
};

/*
 * Apply patch to scratch copies of cl->input (the user's tree is never
 * written), compile both versions with the original command line plus
 * -ffunction-sections -fdata-sections -fdump-ipa-clones, and derive the
 * changed functions. -1 with a clear error for a patch that does not apply,
 * touches no function, changes a data layout or only touches headers.
 */
int patch_mode_prepare(const char *patch, const struct gcc_cmdline *cl, struct patch_plan *plan);
void patch_plan_release(struct patch_plan *plan);

#endif
