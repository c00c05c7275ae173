/*
 * Global functions lp.c gives an inline body (see inline_body.h).
 *
 * A header's inline (kfree_skb_list()) may call a global function the
 * original unit defines (kfree_skb_list_reason()): GCC saw its body there
 * and inlined it into the patched function, while lp.c, which takes the
 * inline from the header, only has the header's declaration, so the call
 * stays. Copied as "extern inline __attribute__((gnu_inline))" under its own
 * name, the body is GCC's to inline and never emitted: a call it does not
 * inline still goes to the running function. Such a definition may not
 * name anything of internal linkage (C99 6.7.4p3: GCC's pedwarn, an error
 * under -Werror), nor a global the policies could copy under a new name.
 *
 * One exception: a global function whose address header code compares
 * (dst_mtu()'s INDIRECT_CALL_INET(dst->ops->mtu, ip6_mtu, ...): one macro
 * argument is both the address and the callee), or copied code does, can
 * only be given its body this way (a renamed copy would compare the copy's
 * address). Its body may call functions of internal linkage
 * (ip6_dst_mtu_maybe_forward(), a header's static inline), which GCC
 * inlines as any: emit.c puts such a definition in lines marked as a
 * system header's, where GCC does not report that pedwarn (no option or
 * pragma controls it).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/inline_body.h"
#include "klp-ccp/policy.h"

/* Did the target inline it into one of the patched functions? */
static bool inlined_into_patched(const struct sym_facts *f, const struct strlist *patched)
{
	for (size_t i = 0; i < f->inlined_into.n; i++)
		if (policy_has_function_of(patched, f->inlined_into.v[i]))
			return true;
	return false;
}

struct body_check {
	const struct model *m;
	struct facts_db *facts;
	const struct strlist *patched;
	bool statics;		/* may it call functions of internal linkage? */
	bool ok;
};

/* A reference an extern inline definition can make, named as it is. */
static bool plain_global(const struct body_check *bc, CXCursor ref)
{
	enum CXCursorKind k = clang_getCursorKind(ref);
	int idx;
	const struct entity *e;

	if (k == CXCursor_VarDecl && clang_Cursor_getStorageClass(ref) == CX_SC_Static)
		return false;	/* a static, at file or block scope */
	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return true;
	if (clang_getCursorLinkage(ref) == CXLinkage_NoLinkage)
		return true;	/* an automatic variable or parameter */
	if (clang_getCursorLinkage(ref) != CXLinkage_External)
		return bc->statics && k == CXCursor_FunctionDecl;
	idx = model_entity_of((struct model *)bc->m, ref);
	if (idx < 0)
		return true;
	e = &bc->m->ents[idx];
	if (e->def_unit < 0 || bc->m->units[e->def_unit].file != bc->m->main_file)
		return true;	/* declared by a header, defined elsewhere */
	/* a global of the unit: the policies copy one inlined into the livepatch */
	return !inlined_into_patched(facts_get(bc->facts, e->name), bc->patched);
}

static enum CXChildVisitResult check_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct body_check *bc = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    !plain_global(bc, clang_getCursorReferenced(c)))
		bc->ok = false;
	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    clang_Cursor_getStorageClass(c) == CX_SC_Static)
		bc->ok = false;
	return bc->ok ? CXChildVisit_Recurse : CXChildVisit_Break;
}

/* A function of the unit the target inlined into a patched function, body fit. */
static bool fits(struct body_check *bc, const struct entity *e)
{
	const struct model *m = bc->m;

	if (e->def_unit < 0 || clang_Cursor_isNull(e->def) ||
	    m->units[e->def_unit].file != m->main_file ||
	    clang_Cursor_isFunctionInlined(e->def) || declared_noinline(e) ||
	    clang_Cursor_isVariadic(e->def) ||
	    !inlined_into_patched(facts_get(bc->facts, e->name), bc->patched))
		return false;
	clang_visitChildren(e->def, check_visit, bc);
	return bc->ok;
}

bool inline_body_fits(const struct model *m, struct facts_db *facts,
		      const struct strlist *patched, const struct entity *e)
{
	struct body_check bc = { m, facts, patched, false, true };

	return fits(&bc, e);
}

/* The same for a global function, calls of functions of internal linkage allowed. */
static bool global_fits_calling_statics(const struct model *m, struct facts_db *facts,
					const struct strlist *patched, const struct entity *e)
{
	struct body_check bc = { m, facts, patched, true, true };

	return !e->internal && fits(&bc, e);
}

static enum CXChildVisitResult static_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	CXCursor ref = clang_getCursorReferenced(c);

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
	    clang_getCursorLinkage(ref) == CXLinkage_Internal) {
		*(bool *)data = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

bool inline_body_names_static(const struct entity *e)
{
	bool found = false;

	if (e->inline_body && !clang_Cursor_isNull(e->def))
		clang_visitChildren(e->def, static_visit, &found);
	return found;
}

struct addr_scan {
	struct model *m;
	int idx;
	size_t refs, calls;	/* of idx: names (DeclRefExpr), direct calls */
};

static enum CXChildVisitResult addr_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct addr_scan *as = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if ((k == CXCursor_DeclRefExpr || k == CXCursor_CallExpr) &&
	    model_entity_of(as->m, clang_getCursorReferenced(c)) == as->idx)
		*(k == CXCursor_CallExpr ? &as->calls : &as->refs) += 1;
	return CXChildVisit_Recurse;
}

/* Does a header inline lp.c compiles name e other than by calling it? */
static bool header_takes_address(struct model *m, const struct entity *e)
{
	int *inl = NULL;
	size_t n = header_refs_inlines(m, &inl);
	struct addr_scan as = { m, (int)(e - m->ents), 0, 0 };

	for (size_t i = 0; i < n && as.refs == as.calls; i++)
		if (!clang_Cursor_isNull(m->ents[inl[i]].def))
			clang_visitChildren(m->ents[inl[i]].def, addr_visit, &as);
	free(inl);
	return as.refs > as.calls;
}

bool inline_body_wanted(const struct model *m, struct facts_db *facts,
			const struct strlist *patched, const struct entity *e)
{
	if (!facts || e->kind != ENT_FUNCTION || e->decision != DEC_NONE || e->internal ||
	    e->address_taken)
		return false;
	return inline_body_fits(m, facts, patched, e) ||
	       (global_fits_calling_statics(m, facts, patched, e) &&
		header_takes_address((struct model *)m, e));
}

/*
 * A function externalized because copied code takes its address, also
 * called directly there (INDIRECT_CALL_2(f, a, b, ...) calls b() when f is
 * b): the target inlined those calls. Its body under its own name lets GCC
 * do so again, while its address (and any call GCC keeps) is the running
 * one's, also for a static function (bound as the plain declaration was).
 */
bool inline_body_for_address(const struct model *m, struct facts_db *facts,
			     const struct strlist *patched, const struct entity *e)
{
	return facts && e->kind == ENT_FUNCTION && e->decision == DEC_EXTERNALIZE &&
	       e->address_taken && !e->inline_body &&
	       (inline_body_fits(m, facts, patched, e) ||
		global_fits_calling_statics(m, facts, patched, e));
}
