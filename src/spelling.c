/*
 * How an externalized entity will be spelled (renamed? a pointer?), asked
 * both by headers.c (before the closure is final, to find headers that
 * clash with the output) and by naming.c (final names). It reads the
 * model, the policy and the facts only.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/spelling.h"

static bool unit_expands(struct model *m, int unit, const char *needle)
{
	const struct unit *u = &m->units[unit];
	const struct file_uses *fu = &m->uses[u->file];
	bool found = false;

	for (size_t i = 0; i < fu->n && !found; i++) {
		CXString s;

		if (fu->v[i].offset < u->start || fu->v[i].offset >= u->end)
			continue;
		s = clang_getCursorSpelling(fu->v[i].cursor);
		found = strstr(clang_getCString(s), needle) != NULL;
		clang_disposeString(s);
	}
	return found;
}

/* DEFINE_PER_CPU and friends: accessed %gs-relative, never through a pointer. */
bool entity_is_percpu(struct model *m, const struct entity *e)
{
	if (e->kind != ENT_OBJECT)
		return false;
	for (size_t i = 0; i < e->n_decl_units; i++)
		if (unit_expands(m, e->decl_units[i], "PER_CPU"))
			return true;
	return e->def_unit >= 0 && unit_expands(m, e->def_unit, "PER_CPU");
}

/*
 * How naming will spell an externalized e (asked before the closure is final,
 * see headers_resolve_clashes(); the policy caches the answer naming.c gets).
 * A new name that clashes is asked for again, so any rename stays a rename.
 */
int spelling_preview(struct model *m, struct policy *pol, struct facts_db *facts,
		     struct entity *e, bool *renamed, bool *pointer)
{
	struct src_loc loc = cursor_src_loc(m, clang_Cursor_isNull(e->def) ? e->canonical : e->def);
	struct sym_mod mod = { 0 };
	int rc;

	closure_use_facts(pol, facts, e);
	rc = policy_modify_externalized_sym(pol, e->kind == ENT_FUNCTION, e->name, 0, &loc, &mod);
	closure_use_facts(pol, NULL, NULL);
	if (rc)
		return -1;
	*renamed = strcmp(mod.new_name, e->name) != 0;
	*pointer = mod.make_pointer && !entity_is_percpu(m, e);
	free(mod.new_name);
	return 0;
}
