/*
 * inline_body.c: a global function of the unit that only header inlines
 * call, which the target inlined into a patched function, is copied as an
 * "extern inline gnu_inline" definition under its own name (GCC inlines it
 * as in the target; other calls go to the running function).
 */
#ifndef KLP_CCP_INLINE_BODY_H
#define KLP_CCP_INLINE_BODY_H

#include <stdbool.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/* Should e (reached only through header inlines, DEC_NONE) get such a body? */
bool inline_body_wanted(const struct model *m, struct facts_db *facts,
			const struct strlist *patched, const struct entity *e);

#endif
