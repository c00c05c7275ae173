#ifndef KLP_CCP_SPLIT_CALLERS_H
#define KLP_CCP_SPLIT_CALLERS_H

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/*
 * Partial inlining (GCC's ipa-split): the target has NAME.part.N, the tail
 * of NAME, and NAME's callers inline its head and call the tail. GCC splits
 * only a function with callers (not a local one called once), and its
 * inliner puts the tail back into the head when the head has a single
 * caller (no "wrapper penalty"). The original had many callers; lp.c often
 * calls a copy once and a patched function not at all. Mark
 * (entity.split_callers) the functions lp.c defines (patched or copied,
 * not noinline) that the target split this way; without facts nothing.
 * Also mark (entity.opaque_caller) the functions kept out of line and
 * noclone (out_of_line.c): one call with unknown arguments keeps GCC from
 * propagating lp.c's constant arguments into them.
 */
void split_callers_mark(struct model *m, struct facts_db *facts);

/*
 * The text lp.c ends with for the marked functions: per function a static
 * __used__ function that is never called and calls it twice (split), so
 * GCC sees callers as in the original and splits it the same way, or once
 * (split and inlined back: entity.split_back; opaque); "" when none
 * (malloc'ed).
 */
char *split_callers_text(const struct model *m);

#endif
