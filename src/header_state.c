/*
 * Header functions that keep state of their own (see header_state.h).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/header_state.h"
#include "klp-ccp/inline_body.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/policy.h"

enum { STATE_UNKNOWN, STATE_NONE, STATE_KEPT, STATE_SCANNING };

struct state_scan {
	struct model *m;
	struct facts_db *facts;		/* --target-object's, or NULL */
	struct own_facts *own;		/* without them: the original compiled */
	int fun;			/* the function being scanned */
	bool found;
	int *refs, *calls;		/* functions named, called (entity indexes) */
	size_t nrefs, caprefs, ncalls, capcalls;
};

static bool is_array(CXType t)
{
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray;
}

/*
 * libclang loses the elements' qualifiers of a canonical array type, so
 * arrays behind typedefs are judged by their spelling.
 */
bool var_read_only(CXCursor var)
{
	CXType t = clang_getCursorType(var);
	CXString s;
	bool ro;

	while (is_array(t))
		t = clang_getArrayElementType(t);
	if (!is_array(clang_getCanonicalType(t)))
		return clang_isConstQualifiedType(t) && !clang_isVolatileQualifiedType(t);
	s = clang_getTypeSpelling(clang_getCanonicalType(t));
	ro = !strncmp(clang_getCString(s), "const ", 6) && !strstr(clang_getCString(s), "volatile");
	clang_disposeString(s);
	return ro;
}

static bool bound_static(struct state_scan *sc, CXCursor var)
{
	const struct entity *fn = &sc->m->ents[sc->fun];
	struct facts_db *db;
	unsigned off, end;
	CXString s;
	bool bound;

	if (clang_Cursor_getStorageClass(var) != CX_SC_Static || var_read_only(var))
		return false;
	s = clang_getCursorSpelling(var);
	/* declared by a macro body (WARN_ONCE's flag): private, as the closure keeps it */
	bound = model_decl_spells_name(sc->m, var, sc->m->units[fn->def_unit].file,
				       clang_getCString(s), &off, &end) &&
		(db = sc->facts ? sc->facts : own_facts_get(sc->own)) &&
		facts_local_static(db, fn->name, clang_getCString(s)) != NULL;
	clang_disposeString(s);
	return bound;
}

static bool scan_fun(struct model *m, struct facts_db *facts, struct own_facts *own, int idx);

static bool header_callee_has_state(struct state_scan *sc, CXCursor ref)
{
	int idx;
	const struct entity *e;

	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return false;
	idx = model_entity_of(sc->m, ref);
	if (idx < 0)
		return false;
	e = &sc->m->ents[idx];
	if (!e->internal || e->def_unit < 0 ||
	    sc->m->files[sc->m->units[e->def_unit].file].role != FILE_HEADER)
		return false;
	return scan_fun(sc->m, sc->facts, sc->own, idx);
}

/*
 * A global function of the unit that the target inlined into a patched
 * function through the header function (path_get into set_root through
 * fs_struct.h's get_fs_root), and that lp.c cannot give an inline body of
 * its own name (it names a static: dget, inline_body.c): the header's copy
 * would call the running function. A copy of the header function under a
 * new name calls lp.c's copy of it instead, which GCC can inline again.
 */
static bool unit_callee_inlined(struct state_scan *sc, int idx)
{
	struct strlist patched = {0};
	const struct sym_facts *f;
	const struct entity *e = &sc->m->ents[idx];
	bool found = false;

	if (e->kind != ENT_FUNCTION || e->internal || e->def_unit < 0 ||
	    clang_Cursor_isNull(e->def) || sc->m->units[e->def_unit].file != sc->m->main_file ||
	    !(f = facts_get(sc->facts, e->name)) || !f->inlined_into.n)
		return false;
	for (size_t i = 0; i < sc->m->n_ents; i++)
		if (sc->m->ents[i].decision == DEC_PATCHED)
			strlist_push(&patched, sc->m->ents[i].name);
	for (size_t i = 0; i < f->inlined_into.n && !found; i++)
		found = policy_has_function_of(&patched, f->inlined_into.v[i]);
	found = found && !inline_body_wanted(sc->m, sc->facts, &patched, e);
	strlist_release(&patched);
	return found;
}

static size_t count_of(const int *v, size_t n, int idx)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += v[i] == idx;
	return k;
}

/*
 * Of the functions the scanned one calls, one unit_callee_inlined() names
 * that it only calls: an address it compares (INDIRECT_CALL_INET's
 * f == ip6_mtu) is the running function's, lp.c's copy would not match.
 */
static bool calls_unit_callee_inlined(struct state_scan *sc)
{
	for (size_t i = 0; i < sc->ncalls; i++) {
		int idx = sc->calls[i];

		if (count_of(sc->calls, i, idx) == 0 &&
		    count_of(sc->refs, sc->nrefs, idx) == count_of(sc->calls, sc->ncalls, idx) &&
		    unit_callee_inlined(sc, idx))
			return true;
	}
	return false;
}

/* Note a reference to a function (DeclRefExpr) or a direct call of one. */
static void note_function(struct state_scan *sc, CXCursor ref, bool call)
{
	int idx = clang_getCursorKind(ref) == CXCursor_FunctionDecl ?
		  model_entity_of(sc->m, ref) : -1;

	if (idx < 0)
		return;
	if (call)
		*ARRAY_PUSH(sc->calls, sc->ncalls, sc->capcalls) = idx;
	else
		*ARRAY_PUSH(sc->refs, sc->nrefs, sc->caprefs) = idx;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct state_scan *sc = data;

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_VarDecl:
		sc->found = bound_static(sc, c);
		break;
	case CXCursor_DeclRefExpr:
		sc->found = header_callee_has_state(sc, clang_getCursorReferenced(c));
		note_function(sc, clang_getCursorReferenced(c), false);
		break;
	case CXCursor_CallExpr:
		note_function(sc, clang_getCursorReferenced(c), true);
		break;
	default:
		break;
	}
	return sc->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static bool scan_fun(struct model *m, struct facts_db *facts, struct own_facts *own, int idx)
{
	struct state_scan sc = { .m = m, .facts = facts, .own = own, .fun = idx };
	struct entity *e = &m->ents[idx];

	if (e->header_state != STATE_UNKNOWN)
		return e->header_state == STATE_KEPT;
	e->header_state = STATE_SCANNING;	/* recursion: no state found on this path */
	if (e->kind == ENT_FUNCTION && !clang_Cursor_isNull(e->def))
		clang_visitChildren(e->def, visit, &sc);
	sc.found = sc.found || (facts && calls_unit_callee_inlined(&sc));
	free(sc.refs);
	free(sc.calls);
	m->ents[idx].header_state = sc.found ? STATE_KEPT : STATE_NONE;
	return sc.found;
}

bool header_fun_has_state(struct model *m, struct facts_db *facts, struct own_facts *own,
			  int idx)
{
	return (facts || own) && scan_fun(m, facts, facts ? NULL : own, idx);
}
