/*
 * Header functions that keep state of their own (see header_state.h).
 */
#include <string.h>

#include "klp-ccp/header_state.h"

enum { STATE_UNKNOWN, STATE_NONE, STATE_KEPT, STATE_SCANNING };

struct state_scan {
	struct model *m;
	const struct facts_db *facts;
	int fun;			/* the function being scanned */
	bool found;
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
	unsigned off, end;
	CXString s;
	bool bound;

	if (clang_Cursor_getStorageClass(var) != CX_SC_Static || var_read_only(var))
		return false;
	s = clang_getCursorSpelling(var);
	/* declared by a macro body (WARN_ONCE's flag): private, as the closure keeps it */
	bound = model_decl_spells_name(sc->m, var, sc->m->units[fn->def_unit].file,
				       clang_getCString(s), &off, &end) &&
		facts_local_static(sc->facts, fn->name, clang_getCString(s)) != NULL;
	clang_disposeString(s);
	return bound;
}

static bool scan_fun(struct model *m, const struct facts_db *facts, int idx);

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
	return scan_fun(sc->m, sc->facts, idx);
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
		break;
	default:
		break;
	}
	return sc->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static bool scan_fun(struct model *m, const struct facts_db *facts, int idx)
{
	struct state_scan sc = { m, facts, idx, false };
	struct entity *e = &m->ents[idx];

	if (e->header_state != STATE_UNKNOWN)
		return e->header_state == STATE_KEPT;
	e->header_state = STATE_SCANNING;	/* recursion: no state found on this path */
	if (e->kind == ENT_FUNCTION && !clang_Cursor_isNull(e->def))
		clang_visitChildren(e->def, visit, &sc);
	m->ents[idx].header_state = sc.found ? STATE_KEPT : STATE_NONE;
	return sc.found;
}

bool header_fun_has_state(struct model *m, const struct facts_db *facts, int idx)
{
	return facts && scan_fun(m, facts, idx);
}

bool header_object_has_state(struct model *m, const struct facts_db *facts, int idx)
{
	const struct entity *e = &m->ents[idx];
	const char *object;
	unsigned sympos;

	return facts && e->kind == ENT_OBJECT && e->internal && !e->local_static &&
	       !clang_Cursor_isNull(e->def) && !var_read_only(e->def) &&
	       facts_local_symbol(facts, e->name, &object, &sympos);
}
