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
 */
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
		return false;
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
bool inline_body_fits(const struct model *m, struct facts_db *facts,
		      const struct strlist *patched, const struct entity *e)
{
	struct body_check bc = { m, facts, patched, true };

	if (e->def_unit < 0 || clang_Cursor_isNull(e->def) ||
	    m->units[e->def_unit].file != m->main_file ||
	    clang_Cursor_isFunctionInlined(e->def) || declared_noinline(e) ||
	    clang_Cursor_isVariadic(e->def) ||
	    !inlined_into_patched(facts_get(facts, e->name), patched))
		return false;
	clang_visitChildren(e->def, check_visit, &bc);
	return bc.ok;
}

bool inline_body_wanted(const struct model *m, struct facts_db *facts,
			const struct strlist *patched, const struct entity *e)
{
	return facts && e->kind == ENT_FUNCTION && e->decision == DEC_NONE && !e->internal &&
	       !e->address_taken && inline_body_fits(m, facts, patched, e);
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
	       e->address_taken && !e->inline_body && inline_body_fits(m, facts, patched, e);
}
