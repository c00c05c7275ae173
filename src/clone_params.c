/*
 * A never-called caller keeping a copy's parameters as the target's
 * clone kept them (see clone_params.h).
 *
 * IPA-CP replaces a parameter of a local function by a constant when all
 * its callers pass that constant (rt6_fill_node.constprop.0: src, NULL in
 * every call), and keeps the others. lp.c's copy has fewer callers, which
 * may all pass constants for more (inet6_rt_notify passes NULL, NULL, 0
 * for dst, dest and iif, which other callers in the original pass
 * variables for): GCC's clone of the copy drops those too, and the calls
 * pass other arguments than in the target. A never-called caller passing
 * unknown values for the parameters the target's clone kept, and for the
 * others what lp.c's calls all pass, leaves GCC the target's choice. The
 * kept parameters are the clone's DWARF's (facts_dwarf.c).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/call_args.h"
#include "klp-ccp/clone_params.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/util.h"

/* The parameters the one .constprop clone of f kept ("a,b,c"), or NULL. */
static const char *kept_by_clone(const struct sym_facts *f)
{
	const char *sp;

	if (f->present || f->clones.n != 1 || f->kept_params.n != 1 ||
	    !strstr(f->clones.v[0], "constprop") || strstr(f->clones.v[0], "isra"))
		return NULL;
	sp = strchr(f->kept_params.v[0], ' ');
	return sp ? sp + 1 : NULL;
}

static bool in_list(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] == ',')) {
		if (strcspn(p, ",") == n && !strncmp(p, name, n))
			return true;
	}
	return false;
}

/* What lp.c's calls pass one parameter: one spelling, or none (varies). */
struct arg_seen {
	char *spelling;		/* NULL: not seen yet */
	bool varies;
};

struct call_scan {
	CXCursor callee;
	int n;
	struct arg_seen *args;
};

/* A parameter or automatic variable? */
static bool local_ref(CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind k = clang_getCursorKind(ref);

	return clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	       (k == CXCursor_ParmDecl ||
		(k == CXCursor_VarDecl && clang_getCursorLinkage(ref) == CXLinkage_NoLinkage &&
		 clang_Cursor_getStorageClass(ref) != CX_SC_Static));
}

static enum CXChildVisitResult local_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (local_ref(c)) {
		*(bool *)data = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* Offset of where loc is expanded, its file in *f. */
static unsigned expansion_offset(CXSourceLocation loc, CXFile *f)
{
	unsigned off = 0;

	clang_getExpansionLocation(loc, f, NULL, NULL, &off);
	return off;
}

/*
 * The argument's range as written in the call (NULL, not its definition);
 * null when a macro makes more than the argument (check_block_validity()
 * expands to a call with __func__: the argument's text would be the macro's).
 */
static CXSourceRange expansion_range(CXTranslationUnit tu, CXCursor call, CXCursor arg)
{
	CXSourceRange r = clang_getCursorExtent(arg);
	CXFile f0, f1, f2;
	unsigned o0 = expansion_offset(clang_getRangeStart(clang_getCursorExtent(call)), &f0);
	unsigned o1 = expansion_offset(clang_getRangeStart(r), &f1);
	unsigned o2 = expansion_offset(clang_getRangeEnd(r), &f2);

	if (!f1 || !clang_File_isEqual(f1, f2) || !clang_File_isEqual(f0, f1) ||
	    o1 <= o0 || o2 < o1)
		return clang_getNullRange();
	return clang_getRange(clang_getLocationForOffset(tu, f1, o1),
			      clang_getLocationForOffset(tu, f2, o2));
}

/* The argument's tokens, or NULL when it names a local (or has none). */
static char *spelling_of(CXCursor call, CXCursor arg)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(arg);
	CXToken *toks = NULL;
	unsigned n = 0;
	struct strbuf sb = { 0 };
	bool local = local_ref(arg);

	clang_visitChildren(arg, local_visit, &local);
	if (local)
		return NULL;
	clang_tokenize(tu, expansion_range(tu, call, arg), &toks, &n);
	for (unsigned i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);

		sb_addf(&sb, "%s%s", i ? " " : "", clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return sb.len ? sb_detach(&sb) : NULL;
}

static void note_arg(void *ctx, CXCursor call, int i, CXCursor arg)
{
	struct arg_seen *a = &((struct call_scan *)ctx)->args[i];
	char *s = spelling_of(call, arg);

	if (!s || (a->spelling && strcmp(a->spelling, s)))
		a->varies = true;
	if (!a->spelling && s)
		a->spelling = s;
	else
		free(s);
}


/* The calls of e in the functions lp.c defines. */
static void scan_calls(const struct model *m, struct call_scan *cs)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *f = &m->ents[i];

		if (f->kind == ENT_FUNCTION && !clang_Cursor_isNull(f->def) && f->def_unit >= 0 &&
		    m->units[f->def_unit].copy &&
		    (f->decision == DEC_PATCHED || f->decision == DEC_COPY))
			call_args_each(f->def, cs->callee, cs->n, note_arg, cs);
	}
}

/* The caller's arguments, or NULL when the target's choice needs none or cannot be made. */
static char *caller_args(const struct model *m, const struct entity *e, const char *kept)
{
	struct call_scan cs = { e->canonical, clang_Cursor_getNumArguments(e->def), NULL };
	struct strbuf sb = { 0 };
	bool ok = cs.n > 0, needed = false;

	if (!ok)
		return NULL;
	cs.args = xcalloc((size_t)cs.n, sizeof(*cs.args));
	scan_calls(m, &cs);
	for (int i = 0; ok && i < cs.n; i++) {
		CXString name = clang_getCursorSpelling(clang_Cursor_getArgument(e->def, (unsigned)i));
		const char *nm = clang_getCString(name);
		const struct arg_seen *a = &cs.args[i];

		if (!nm || !*nm)
			ok = false;
		else if (in_list(kept, nm)) {
			sb_addf(&sb, "%sklp_ccp_a%d", i ? ", " : "", i);
			needed |= a->spelling && !a->varies;	/* lp.c's calls: one constant */
		} else if (a->spelling && !a->varies)
			sb_addf(&sb, "%s%s", i ? ", " : "", a->spelling);
		else
			ok = false;	/* replaced in the target, not one value in lp.c */
		clang_disposeString(name);
	}
	for (int i = 0; i < cs.n; i++)
		free(cs.args[i].spelling);
	free(cs.args);
	if (ok && needed)
		return sb_detach(&sb);
	sb_release(&sb);
	return NULL;
}

bool clone_params_caller(struct model *m, struct facts_db *facts, struct entity *e)
{
	const char *kept;
	char *args;

	if (!facts || e->kind != ENT_FUNCTION || e->decision != DEC_COPY || !e->internal ||
	    !(e->noinline || e->noinline_early) || e->def_unit < 0 ||
	    clang_Cursor_isNull(e->def) || !m->units[e->def_unit].copy ||
	    !fun_name_written(e->def))
		return false;
	kept = kept_by_clone(facts_get(facts, e->name));
	if (!kept || !(args = caller_args(m, e, kept)))
		return false;
	e->caller_args = model_intern(m, args);
	free(args);
	return true;
}
