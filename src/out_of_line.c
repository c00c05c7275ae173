/*
 * Functions the livepatch must keep out of line (see out_of_line.h).
 *
 * The target's DWARF lists the functions each function was inlined into
 * (inlined_into, concrete out-of-line functions). A function lp.c copies
 * (a copy, or defined by the copied text of another: SYSCALL_DEFINE's
 * __do_sys_NAME) that the target has a body of (its own symbol or a clone)
 * and that no function of the livepatch contains inlined was called there;
 * in lp.c its callers are fewer (often one), and GCC's inliner decides
 * differently.
 */
#include <string.h>

#include "klp-ccp/out_of_line.h"
#include "klp-ccp/util.h"

/* Is e a function lp.c defines (a copied unit holds its definition)? */
static bool defined_by_livepatch(const struct model *m, const struct entity *e)
{
	return e->kind == ENT_FUNCTION && e->def_unit >= 0 && !clang_Cursor_isNull(e->def) &&
	       m->units[e->def_unit].copy;
}

/* Is sym (maybe with a clone suffix, "f.isra.0") one of the livepatch's functions? */
static bool livepatch_function(const struct strlist *ours, const char *sym)
{
	size_t n = strcspn(sym, ".");

	for (size_t i = 0; i < ours->n; i++)
		if (strlen(ours->v[i]) == n && !strncmp(ours->v[i], sym, n))
			return true;
	return false;
}

/* A body of its own in the target: the symbol, or a clone other than a .cold part. */
static bool has_body(const struct sym_facts *f)
{
	if (f->present)
		return true;
	for (size_t i = 0; i < f->clones.n; i++) {
		const char *kind = strrchr(f->clones.v[i], ' ');

		if (kind && strcmp(kind + 1, "cold"))
			return true;
	}
	return false;
}

bool out_of_line_always_inline(CXCursor def)
{
	CXPrintingPolicy pp = clang_getCursorPrintingPolicy(def);
	CXString s;
	bool yes;

	clang_PrintingPolicy_setProperty(pp, CXPrintingPolicy_TerseOutput, 1);
	s = clang_getCursorPrettyPrinted(def, pp);
	yes = clang_getCString(s) && strstr(clang_getCString(s), "always_inline");
	clang_disposeString(s);
	clang_PrintingPolicy_dispose(pp);
	return yes;
}

static bool stays_out_of_line(const struct model *m, const struct strlist *ours,
			      struct facts_db *facts, const struct entity *e)
{
	const struct sym_facts *f;

	if (e->decision == DEC_PATCHED || !defined_by_livepatch(m, e))
		return false;
	f = facts_get(facts, e->name);
	if (!has_body(f))
		return false;
	for (size_t i = 0; i < f->inlined_into.n; i++)
		if (livepatch_function(ours, f->inlined_into.v[i]))
			return false;
	return !out_of_line_always_inline(e->def);
}

void out_of_line_mark(struct model *m, struct facts_db *facts)
{
	struct strlist ours = { 0 };

	if (!facts)
		return;
	for (size_t i = 0; i < m->n_ents; i++)
		if (defined_by_livepatch(m, &m->ents[i]))
			strlist_push(&ours, m->ents[i].name);
	for (size_t i = 0; i < m->n_ents; i++)
		m->ents[i].noinline = stays_out_of_line(m, &ours, facts, &m->ents[i]);
	strlist_release(&ours);
}
