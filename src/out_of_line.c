/*
 * Functions the livepatch must keep out of line (see out_of_line.h).
 *
 * The target's DWARF lists the functions each function was inlined into
 * (inlined_into, concrete out-of-line functions). A function lp.c copies
 * (a copy, or defined by the copied text of another: SYSCALL_DEFINE's
 * __do_sys_NAME) that the target has a body of (its own symbol or a clone)
 * and that no function of the livepatch contains inlined was called there;
 * in lp.c its callers are fewer (often one), and GCC's inliner decides
 * differently. So was one a patched function calls (facts: callees) where
 * only copied functions contain it inlined: the patched function's code is
 * what the livepatch must reproduce.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/addr_split.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/out_of_line.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/stub_macros.h"
#include "klp-ccp/util.h"

/* Is e a function lp.c defines (a copied unit holds its definition)? */
static bool defined_by_livepatch(const struct model *m, const struct entity *e)
{
	return e->kind == ENT_FUNCTION && e->def_unit >= 0 && !clang_Cursor_isNull(e->def) &&
	       m->units[e->def_unit].copy;
}

/* A clone other than a .cold part (.constprop, .isra, .part...)? */
static bool has_real_clone(const struct sym_facts *f)
{
	for (size_t i = 0; i < f->clones.n; i++) {
		const char *kind = strrchr(f->clones.v[i], ' ');

		if (kind && strcmp(kind + 1, "cold"))
			return true;
	}
	return false;
}

/* A body of its own in the target: the symbol, or a clone. */
static bool has_body(const struct sym_facts *f)
{
	return f->present || has_real_clone(f);
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

/* The livepatch's functions, and what its patched ones call in the target. */
struct ool_ctx {
	struct strlist ours;		/* functions lp.c defines */
	struct strlist patched;
	struct strlist patched_calls;	/* base names of the functions they call */
	struct facts_db *facts;
};

/* Is one of f's inlined_into in names? */
static bool inlined_into_any(const struct sym_facts *f, const struct strlist *names)
{
	for (size_t i = 0; i < f->inlined_into.n; i++)
		if (policy_has_function_of(names, f->inlined_into.v[i]))
			return true;
	return false;
}

/* How many of f's inlined_into are in names? */
static size_t inlined_into_count(const struct sym_facts *f, const struct strlist *names)
{
	size_t n = 0;

	for (size_t i = 0; i < f->inlined_into.n; i++)
		n += policy_has_function_of(names, f->inlined_into.v[i]);
	return n;
}

/*
 * Does the target have e out of line where the livepatch needs it: inlined
 * into none of the livepatch's functions, or called by a patched function
 * (and inlined into none of those) though inlined into a copied one (the
 * patched function's code is what must match; find_next_bit called by
 * setup_zone_pageset, inlined into __zone_set_pageset_high_and_batch)?
 */
static bool called_in_target(const struct ool_ctx *c, const struct entity *e)
{
	const struct sym_facts *f = facts_get(c->facts, e->name);

	if (!has_body(f))
		return false;
	if (!inlined_into_any(f, &c->ours))
		return true;
	return strlist_contains(&c->patched_calls, e->name) && !inlined_into_any(f, &c->patched);
}

static bool stays_out_of_line(const struct model *m, const struct ool_ctx *c,
			      const struct entity *e)
{
	if (e->decision == DEC_PATCHED || e->inline_body || !defined_by_livepatch(m, e))
		return false;
	/* the patched code calls no body of a split one (addr_split.c) */
	if (addr_split_done(m, (int)(e - m->ents)))
		return false;
	if (!called_in_target(c, e) || out_of_line_always_inline(e->def))
		return false;
	/* a bystander a stub macro makes (__ia32_sys_NAME): lp.c leaves it out */
	return e->decision != DEC_NONE || e->internal ||
	       !silenced_by_stub_macro((struct model *)m, e->def_unit, e);
}

/*
 * A body of the whole function: its symbol, or a clone that is not a part
 * (NAME.part.N, maybe .isra'd: the patched function inlined the head and
 * called the part, which is partial inlining, not a per-call decision).
 */
static bool has_whole_body(const struct sym_facts *f)
{
	for (size_t i = 0; i < f->clones.n; i++) {
		const char *kind = strrchr(f->clones.v[i], ' ');

		if (kind && strcmp(kind + 1, "cold") && !strstr(f->clones.v[i], ".part."))
			return true;
	}
	return f->present;
}

/*
 * Did a patched function both contain e inlined and call its body (a
 * clone's) in the target? GCC decided per call: it inlined the likely
 * calls and called the body at an unlikely one, weighing the growth there
 * against a body that stayed for other callers (native_write_msr.constprop.N
 * called after a cold printk in tsc_store_and_check_tsc_adjust, inlined
 * elsewhere in it, and called by check_tsc_sync_target). lp.c has fewer
 * callers: the unlikely call is its last, inlining it removes the body, and
 * GCC inlines it. A never-called cold caller (split_callers.c) stands for
 * the missing ones: its call is unlikely too, so the body stays, as in the
 * target. Only when the body had a caller lp.c lacks (or is the function's
 * own symbol, whose callers the facts do not list).
 */
static bool mixed_in_patched(const struct model *m, const struct ool_ctx *c, int idx,
			     bool reached)
{
	const struct entity *e = &m->ents[idx];
	const struct sym_facts *f;
	bool compiled, mixed = false, missing = false;

	if (e->kind != ENT_FUNCTION || e->decision == DEC_PATCHED || e->noinline ||
	    e->noinline_early || e->inline_body || clang_Cursor_isNull(e->def) || e->def_unit < 0)
		return false;
	compiled = defined_by_livepatch(m, e) ||
		   (m->units[e->def_unit].file != m->main_file && (reached || e->decision == DEC_HEADER));
	/* the facts last: computing them reads the target's code (facts_calls()),
	 * and facts_get() makes an entry of every name it is asked */
	if (!compiled || !strlist_contains(&c->patched_calls, e->name))
		return false;
	f = facts_get(c->facts, e->name);
	if (!has_whole_body(f))
		return false;
	for (size_t i = 0; i < f->inlined_into.n && !mixed; i++) {
		const char *in = f->inlined_into.v[i];
		char *base = xstrndup(in, strcspn(in, "."));

		mixed = strlist_contains(&c->patched, base) &&
			strlist_contains(&facts_get(c->facts, base)->callees, e->name);
		free(base);
	}
	missing = f->present;
	for (size_t i = 0; i < f->callers_via_clones.n && !missing; i++)
		missing = !policy_has_function_of(&c->ours, f->callers_via_clones.v[i]);
	return mixed && missing && !out_of_line_always_inline(e->def);
}

/* ---- header inlines: declared noinline before the headers ---- */

/* Is the pointee chain of t basic types or struct/union tags (named)? */
static bool early_type(CXType t, struct strlist *tags)
{
	CXType c = clang_getCanonicalType(t);
	CXString s;
	bool ok;

	while (c.kind == CXType_Pointer)
		c = clang_getCanonicalType(clang_getPointeeType(c));
	if (c.kind >= CXType_Void && c.kind <= CXType_LongDouble)
		return true;
	if (c.kind != CXType_Record)
		return false;
	s = clang_getTypeSpelling(clang_getCanonicalType(t));
	ok = !strstr(clang_getCString(s), "(") && !strchr(clang_getCString(s), ':');
	clang_disposeString(s);
	if (ok) {
		CXString tag = clang_getTypeSpelling(c);
		const char *sp = clang_getCString(tag);

		if (!strncmp(sp, "const ", 6))
			sp += 6;
		if (!strncmp(sp, "volatile ", 9))
			sp += 9;
		/* an anonymous struct is spelled by its typedef (nodemask_t) */
		ok = !strncmp(sp, "struct ", 7) || !strncmp(sp, "union ", 6);
		if (ok && !strlist_contains(tags, sp))
			strlist_push(tags, sp);
		clang_disposeString(tag);
	}
	return ok;
}

static bool early_signature(CXCursor def, struct strlist *tags)
{
	CXType ft = clang_getCursorType(def);
	int n = clang_getNumArgTypes(ft);

	if (ft.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(ft) ||
	    !early_type(clang_getResultType(ft), tags))
		return false;
	for (int i = 0; i < n; i++)
		if (!early_type(clang_getArgType(ft, (unsigned)i), tags))
			return false;
	return true;
}

/* Is entity idx named in a unit lp.c copies? */
static bool used_by_copied_text(const struct model *m, int idx)
{
	for (size_t i = 0; i < m->n_sites; i++)
		if (m->sites[i].entity == idx && m->sites[i].kind == SITE_REF &&
		    m->sites[i].unit >= 0 && m->units[m->sites[i].unit].copy)
			return true;
	return false;
}

/*
 * reached: lp.c compiles its body (header_refs_inlines()), named by copied
 * text or called by a header inline that is (zero_user_segments through
 * zero_user, find_first_bit through __first_node).
 */
static bool header_stays_out_of_line(const struct model *m, const struct ool_ctx *c, int idx,
				     bool reached)
{
	const struct entity *e = &m->ents[idx];
	struct strlist tags = { 0 };
	bool ok;

	if (e->kind != ENT_FUNCTION || (e->decision != DEC_HEADER && !reached) ||
	    !e->internal || e->def_unit < 0 || m->units[e->def_unit].file == m->main_file ||
	    clang_Cursor_isNull(e->def) || !clang_Cursor_isFunctionInlined(e->def))
		return false;
	if (!called_in_target(c, e))
		return false;
	ok = early_signature(e->def, &tags) && !out_of_line_always_inline(e->def) &&
	     (reached || used_by_copied_text(m, idx));
	strlist_release(&tags);
	return ok;
}

static void canonical_spelling(CXType t, struct strbuf *out)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));

	sb_adds(out, clang_getCString(s));
	clang_disposeString(s);
}

char *out_of_line_early_decls(const struct model *m)
{
	struct strlist tags = { 0 };
	struct strbuf protos = { 0 }, out = { 0 };

	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		CXType ft;

		if (!e->noinline_early)
			continue;
		early_signature(e->def, &tags);
		ft = clang_getCursorType(e->def);
		sb_adds(&protos, "static ");
		canonical_spelling(clang_getResultType(ft), &protos);
		sb_addf(&protos, " %s(", e->name);
		for (int k = 0; k < clang_getNumArgTypes(ft); k++) {
			if (k)
				sb_adds(&protos, ", ");
			canonical_spelling(clang_getArgType(ft, (unsigned)k), &protos);
		}
		sb_adds(&protos, clang_getNumArgTypes(ft) ? "" : "void");
		sb_adds(&protos, e->noclone ? ") __attribute__((__noinline__, __noclone__));\n"
					    : ") __attribute__((__noinline__));\n");
	}
	if (protos.len) {
		sb_adds(&out, "#pragma GCC diagnostic ignored \"-Wattributes\"\n");
		for (size_t i = 0; i < tags.n; i++)
			sb_addf(&out, "%s;\n", tags.v[i]);
		sb_adds(&out, protos.buf);
	}
	sb_release(&protos);
	strlist_release(&tags);
	return out.len ? sb_detach(&out) : xstrdup("");
}

/*
 * A copy whose body the original kept (external linkage, or the target has
 * it under its own name) and that a livepatch function's code calls in the
 * target: GCC inlined it at some calls at most (into one function, at one
 * call of two), weighing each as growth since the body stayed; lp.c
 * declares it used (rewrite.c) so that GCC weighs it so again. So is a
 * static one the target kept a body of and inlined into several livepatch
 * functions: GCC weighed those inlinings as growth too, where lp.c's copy,
 * with fewer callers, is inlined first as called once when ICF folds two
 * of them (do_preadv into __ia32_sys_preadv, which was then too big to
 * inline into the wrapper ICF made of its twin __ia32_compat_sys_preadv64);
 * its body stays in the livepatch, unused. Inlined into one livepatch
 * function only, its copy is called there only, and GCC inlines it as
 * called once whatever its size, as the target did (declared used, it
 * would be weighed against limits the target's caller met by a few
 * instructions: discard_slab in __kmem_cache_shutdown). One the
 * livepatch's functions neither call nor
 * contain in the target is left alone when it was static there (inlined
 * everywhere in lp.c too, it leaves no dead body in the livepatch), but
 * not when it had external linkage: GCC could never
 * drop that body, so inlining it never saved its size, and it was never
 * inlined as called once. lp.c's static copy, with fewer callers, would
 * be both (post_alloc_hook inlined first into prep_new_page, which then
 * was too big to inline into get_page_from_freelist).
 */
static bool keeps_body(const struct model *m, const struct ool_ctx *c, const struct entity *e)
{
	const struct sym_facts *f;

	if (e->decision != DEC_COPY || e->inline_body || !defined_by_livepatch(m, e))
		return false;
	f = facts_get(c->facts, e->name);
	if (!f->present && e->internal)
		return false;
	if (!e->internal && f->present)
		return true;
	if (f->present && inlined_into_count(f, &c->ours) > 1)
		return true;
	for (size_t i = 0; i < c->ours.n; i++)
		if (strlist_contains(&facts_get(c->facts, c->ours.v[i])->callees, e->name))
			return true;
	return false;
}

/*
 * The target has f under its own name and no clone of it but a .cold part.
 * A copy of such a function that lp.c does not keep out of line (the target
 * inlined it into a livepatch function) is declared noclone too
 * (clone_free): called with constants from lp.c's few callers, GCC would
 * call a .constprop clone where the target inlined the function
 * (__zone_watermark_ok into __alloc_pages_bulk). Not when the --ipa-clones
 * dump shows GCC cloned it all the same (clones inlined back, no symbol
 * left): noclone forbids a split, and the whole body was then too big to
 * inline where the target inlined head and part (__tcp_sock_set_nodelay
 * into do_tcp_setsockopt, tcp_enter_cwr and its part.0.constprop.0 into
 * tcp_try_to_open).
 */
static bool never_cloned(const struct sym_facts *f)
{
	return f->present && !has_real_clone(f);
}

static void ool_ctx_init(struct ool_ctx *c, const struct model *m, struct facts_db *facts)
{
	c->facts = facts;
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		const struct sym_facts *f;

		if (defined_by_livepatch(m, e))
			strlist_push(&c->ours, e->name);
		if (e->kind != ENT_FUNCTION || e->decision != DEC_PATCHED)
			continue;
		strlist_push(&c->patched, e->name);
		f = facts_get(facts, e->name);
		for (size_t k = 0; k < f->callees.n; k++)
			if (!strlist_contains(&c->patched_calls, f->callees.v[k]))
				strlist_push(&c->patched_calls, f->callees.v[k]);
	}
}

void out_of_line_mark(struct model *m, struct facts_db *facts)
{
	struct ool_ctx c = { 0 };
	int *inl = NULL;
	bool *reached;
	size_t n;

	if (!facts)
		return;
	ool_ctx_init(&c, m, facts);
	n = header_refs_inlines(m, &inl);
	reached = xcalloc(m->n_ents + 1, sizeof(bool));
	for (size_t k = 0; k < n; k++)
		reached[inl[k]] = true;
	for (size_t i = 0; i < m->n_ents; i++) {
		m->ents[i].noinline = stays_out_of_line(m, &c, &m->ents[i]);
		m->ents[i].noinline_early = header_stays_out_of_line(m, &c, (int)i, reached[i]);
		m->ents[i].noclone = (m->ents[i].noinline || m->ents[i].noinline_early) &&
				     never_cloned(facts_get(facts, m->ents[i].name));
		m->ents[i].keep_body = keeps_body(m, &c, &m->ents[i]);
		m->ents[i].cold_body = mixed_in_patched(m, &c, (int)i, reached[i]);
		m->ents[i].clone_free = m->ents[i].decision == DEC_COPY && !m->ents[i].noinline &&
					!m->ents[i].inline_body && !m->ents[i].ipa_cloned &&
					defined_by_livepatch(m, &m->ents[i]) &&
					never_cloned(facts_get(facts, m->ents[i].name));
	}
	strlist_release(&c.ours);
	strlist_release(&c.patched);
	strlist_release(&c.patched_calls);
	free(reached);
	free(inl);
}
