/*
 * Address sites and calls of one static function, apart (see addr_split.h).
 *
 * ext4_map_blocks() calls ext4_es_is_delayed(&es) and passes
 * &ext4_es_is_delayed to ext4_es_scan_range(). The target inlined the
 * calls; the address is a function of its own (a local symbol). The
 * address must stay the running one's (the running code passes and
 * compares it), so lp.c externalized the function, and the calls became
 * calls. An "extern inline gnu_inline" body (inline_body.c) cannot help
 * here: the body calls static inlines (ext4_es_type()), which such a
 * definition may not name. So the address sites name the running original,
 * an entity of its own as for a patched function, and the calls a copy,
 * renamed as rewritten copies are (naming.c), so that the original keeps
 * its name. Only where each site is spelled in the text: a macro body, or
 * one macro argument expanded both as the address and as the callee
 * (INDIRECT_CALL_1(f, g, ...)), would need one spelling for both.
 */
#include <string.h>

#include "klp-ccp/addr_split.h"
#include "klp-ccp/inline_body.h"
#include "klp-ccp/util.h"

/* The names of the patched functions. */
static void patched_names(const struct model *m, struct strlist *l)
{
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED)
			strlist_push(l, m->ents[i].name);
}

/* Does the code of a patched function call it in the target? */
static bool called_by_patched(struct facts_db *facts, const struct strlist *patched,
			      const char *name)
{
	for (size_t i = 0; i < patched->n; i++)
		if (strlist_contains(&facts_get(facts, patched->v[i])->callees, name))
			return true;
	return false;
}

bool addr_split_candidate(const struct model *m, struct facts_db *facts, int idx)
{
	const struct entity *e = &m->ents[idx];
	const struct sym_facts *f;
	struct strlist patched = { 0 };
	bool yes;

	if (!facts || e->kind != ENT_FUNCTION || !e->internal || e->orig_address ||
	    e->decision == DEC_PATCHED || e->def_unit < 0 || clang_Cursor_isNull(e->def))
		return false;
	f = facts_get(facts, e->name);
	if (!f->present || !f->inlined_into.n)
		return false;
	/*
	 * The target inlined it somewhere, and the patched code calls no body of
	 * it (its calls there were inlined: DWARF may not say so where the
	 * inlined code merged with other code). A body inline_body.c can give
	 * under its own name needs no split.
	 */
	patched_names(m, &patched);
	yes = !called_by_patched(facts, &patched, e->name) &&
	      !inline_body_fits(m, facts, &patched, e);
	strlist_release(&patched);
	return yes;
}

static int original_of(const struct model *m, int idx)
{
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].orig_address && m->ents[i].orig_of == idx)
			return (int)i;
	return -1;
}

/* idx split from its address, orig (or -1) its running original */
static bool split_with(const struct model *m, int idx, int orig)
{
	return orig >= 0 && m->ents[idx].decision != DEC_PATCHED &&
	       m->ents[orig].decision == DEC_EXTERNALIZE;
}

bool addr_split_done(const struct model *m, int idx)
{
	return split_with(m, idx, original_of(m, idx));
}

/* Does a site of entity b share its spelling with one of a? */
static bool same_token(const struct model *m, const struct site *a, int b)
{
	for (size_t i = 0; i < m->n_sites; i++)
		if (m->sites[i].entity == b && m->sites[i].unit == a->unit &&
		    m->sites[i].offset == a->offset)
			return true;
	return false;
}

bool addr_split_fails(const struct model *m, int idx)
{
	int orig = original_of(m, idx);

	if (!split_with(m, idx, orig))
		return false;
	if (m->ents[idx].decision != DEC_COPY)
		return true;	/* not called, or externalized itself: one entity does */
	for (size_t i = 0; i < m->n_sites; i++) {
		const struct site *s = &m->sites[i];

		if ((s->entity == idx || s->entity == orig) &&
		    (!s->in_text || (s->entity == orig && same_token(m, s, idx))))
			return true;
	}
	return false;
}
