/*
 * What several stages need to know about one entity, kept out of any one
 * stage so that later stages (naming, rewrite) do not call back into the
 * closure: where a cursor is as GCC reports it, and the binary facts about
 * an entity handed to the policy before a question about it.
 */
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/facts.h"

/* Presumed location: what #line says, as GCC would report it. */
struct src_loc cursor_src_loc(struct model *m, CXCursor c)
{
	struct src_loc loc = { 0 };
	CXString name;
	CXFile f;

	/*
	 * The expansion point as the file spells it: clang_getLocationForOffset
	 * (to ask for the presumed location, which honours #line) scans the
	 * whole location table per call, a third of the time after parsing.
	 */
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, &loc.line, &loc.col, NULL);
	if (!f)
		return loc;
	name = clang_getFileName(f);
	loc.file = model_intern(m, clang_getCString(name));
	clang_disposeString(name);
	return user_src_loc(m, loc);
}

struct src_loc user_src_loc(struct model *m, struct src_loc loc)
{
	if (m->patched_copy && loc.file && !strcmp(loc.file, m->patched_copy) && loc.line > 1) {
		loc.file = model_intern(m, m->user_source);
		loc.line--;
	}
	return loc;
}

void closure_use_facts(struct policy *pol, struct facts_db *db, struct entity *e)
{
	const struct sym_facts *f;

	if (!db || !e) {
		policy_set_facts(pol, NULL);
		return;
	}
	f = facts_get(db, e->name);
	policy_set_facts(pol, f);
	if (f->present) {
		e->object = f->object;
		e->sympos = f->sympos;
		e->cold = f->cold;
		e->align = f->align;
	} else if (e->def_unit >= 0 &&
		   (e->kind == ENT_FUNCTION || (e->internal && !e->local_static))) {
		/* a function-scope static's symbol is x.N: not looked up here */
		e->absent = true;
	}
}
