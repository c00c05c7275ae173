/*
 * Renamed names that # or ## consume (src/expand_plan.c): which written
 * macro invocations of a copied unit lp.c writes expanded, and which
 * written references a "#define OLD NEW" of the unit renames instead of an
 * edit of the text. Decided by expanding each invocation (pp_expand.c).
 */
#ifndef KLP_CCP_EXPAND_PLAN_H
#define KLP_CCP_EXPAND_PLAN_H

#include "klp-ccp/macro_args.h"
#include "klp-ccp/model.h"

struct expand_plan {
	struct arg_site *expand;	/* invocations written expanded */
	size_t n_expand, cap_expand;
	unsigned *by_define;		/* offsets of references renamed by #define */
	size_t n_by_define, cap_by_define;
	struct arg_site *unknown;	/* invocations whose expansion cannot be computed */
	size_t n_unknown, cap_unknown;
};

/*
 * First pass, before the unit's edits: a written reference to a renamed
 * entity that # or ## consume as written is renamed by #define (# and ##
 * do not see it, the other uses of the argument do); one they consume after
 * an argument's expansion or a rescan looked at it (a macro passing it on,
 * a macro called through a parameter), or a renamed name that # or ## take
 * from the body of a macro lp.c re-emits with the new name, makes lp.c
 * write that invocation expanded. Macros named in keep are not expanded
 * (lp.c defines them its own way: silenced exports, overrides).
 */
void plan_references(struct model *m, int unit, const struct strlist *renamed,
		     const struct strlist *keep, struct expand_plan *pl);
/* The names plan_references() looks for: of every renamed entity, once each. */
void plan_renamed_names(struct model *m, struct strlist *out);

/*
 * Second pass, once the unit's "#define OLD NEW" renames (names: pairs
 * "OLD NEW", "OLD = ALIAS" ignored) are known: an invocation in which such
 * an OLD reaches # or ## after being looked at for expansion (a pasted name
 * later stringized, a spelling passed on) is written expanded too.
 */
void plan_defines(struct model *m, int unit, const struct strlist *names,
		  const struct strlist *keep, struct expand_plan *pl);

bool plan_expands(const struct expand_plan *pl, unsigned off);
bool plan_by_define(const struct expand_plan *pl, unsigned off);
/* The invocation holding off whose expansion cannot be computed, or NULL. */
const struct arg_site *plan_unknown(const struct expand_plan *pl, unsigned off);
void plan_release(struct expand_plan *pl);

#endif
