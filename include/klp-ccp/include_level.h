/*
 * __INCLUDE_LEVEL__ is the nesting depth of the file it is expanded in:
 * text copied out of a header into lp.c (depth 0) would see another value,
 * so lp.c gives it the header's depth in the original.
 */
#ifndef KLP_CCP_INCLUDE_LEVEL_H
#define KLP_CCP_INCLUDE_LEVEL_H

#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/* Depth of the unit's file in the original's inclusion tree (0: the .c). */
unsigned include_level_of(const struct model *m, const struct unit *u);

/*
 * The macros the unit's text invokes, directly or through macro bodies,
 * whose body says __INCLUDE_LEVEL__: NAME and "#define NAME... DEPTH..."
 * added to overrides (pairs, see rewrite_unit()), so that lp.c redefines
 * them around the unit with the header's depth.
 */
void include_level_overrides(struct model *m, const struct unit *u,
			     struct strlist *overrides);

#endif
