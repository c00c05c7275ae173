/* Expanding one written macro invocation as the preprocessor does (src/pp_expand.c). */
#ifndef KLP_CCP_PP_EXPAND_H
#define KLP_CCP_PP_EXPAND_H

#include "klp-ccp/model.h"

/*
 * The full expansion of the invocation written at [start, end) of file, on
 * one line, with the definitions in effect there; NULL when it cannot be
 * computed exactly (__COUNTER__, __VA_OPT__, a paste that makes no token,
 * unbalanced or miscounted arguments, a very large expansion). Macros
 * named in keep (NULL: none) stay unexpanded, for lp.c's own definitions of
 * them; identifiers ren names are written as its text.
 */
struct pp_rename {
	const char *name;	/* an identifier of the expansion */
	const char *text;	/* written instead of it */
	unsigned offset;	/* the token written at this offset of file, or PP_ANY: */
};				/* any token that a macro body or ## made */
#define PP_ANY ((unsigned)-1)
char *pp_expand_invocation(struct model *m, int file, unsigned start, unsigned end,
			   const struct strlist *keep, const struct pp_rename *ren, size_t n_ren);

/*
 * Which identifiers named in watch become operands of # or ## somewhere in
 * the full expansion of the invocation [start, end) of file (macros named in
 * keep not expanded): one record per
 * name and written token (offset) or per name for tokens that macro bodies
 * or ## made (PP_ANY; emitted: from the body of a macro lp.c re-emits, see
 * macro_def.needed). PP_HASHED_RAW: consumed as written, never looked at
 * for expansion (a "#define OLD NEW" in lp.c does not reach it);
 * PP_HASHED_SCANNED: consumed after an argument's expansion or the rescan
 * looked at it (such a #define would have replaced it first). -1 (and no
 * records) when the expansion cannot be computed exactly (__COUNTER__ does
 * not count here: what # and ## take does not depend on its value).
 */
enum { PP_HASHED_RAW = 1, PP_HASHED_SCANNED = 2 };
struct pp_use {
	unsigned name;		/* index in watch */
	unsigned offset;	/* of the written token, or PP_ANY */
	bool emitted;
	unsigned flags;
};
int pp_hashed_uses(struct model *m, int file, unsigned start, unsigned end,
		   const struct strlist *keep, const struct strlist *watch,
		   struct pp_use **uses, size_t *n_uses);

#endif
