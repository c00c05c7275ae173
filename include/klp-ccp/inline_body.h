/*
 * inline_body.c: a global function of the unit that only header inlines
 * call, which the target inlined into a patched function, is copied as an
 * "extern inline gnu_inline" definition under its own name (GCC inlines it
 * as in the target; other calls go to the running function). So is a
 * function externalized because its address is taken, called directly too.
 */
#ifndef KLP_CCP_INLINE_BODY_H
#define KLP_CCP_INLINE_BODY_H

#include <stdbool.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/*
 * Is e a function of the unit, not declared inline, the target inlined into
 * one of the patched functions, whose body such a definition may hold?
 */
bool inline_body_fits(const struct model *m, struct facts_db *facts,
		      const struct strlist *patched, const struct entity *e);

/*
 * Should e (reached only through header inlines, DEC_NONE) get such a body?
 * Also when it calls functions of internal linkage, if a header inline
 * compares its address (no renamed copy of the header inline can do).
 */
bool inline_body_wanted(const struct model *m, struct facts_db *facts,
			const struct strlist *patched, const struct entity *e);

/*
 * Should e, externalized because copied code takes its address, get such
 * a body too (it keeps DEC_EXTERNALIZE: the report still binds it)?
 */
bool inline_body_for_address(const struct model *m, struct facts_db *facts,
			     const struct strlist *patched, const struct entity *e);

/*
 * Does e's inline body call a function of internal linkage (so emit.c
 * puts it where GCC does not report C99 6.7.4p3's pedwarn)?
 */
bool inline_body_names_static(const struct entity *e);

#endif
