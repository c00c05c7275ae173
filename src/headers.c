/*
 * Stage "headers": what the #included headers need from before their
 * #include, and which included headers clash with the output (which header
 * provides a file is provider.c's).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/directives.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/header_state.h"
#include "klp-ccp/header_uses.h"
#include "klp-ccp/idents.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/provider.h"
#include "klp-ccp/spelling.h"

/*
 * Headers are not always self-contained: kernel/sched/sched.h uses what
 * core.c included before it, <linux/slub_def.h> uses what mm/slab.h defines
 * before including it. For every header the output includes, find the
 * identifiers its contents use that are first declared earlier: in a header
 * (include that one too) or in a file we copy from (copy that declaration,
 * when copying it cannot define state or warn: types, static inline
 * functions, prototypes).
 */
static bool before(struct model *m, int a, int b)
{
	return model_compare_pos(m, m->files[a].includer, m->files[a].directive_offset,
				 m->files[b].includer, m->files[b].directive_offset) < 0;
}

static bool harmless_unit(struct model *m, const struct unit *u)
{
	for (size_t i = 0; i < u->n_cursors; i++) {
		CXCursor c = u->cursors[i];

		switch (clang_getCursorKind(c)) {
		case CXCursor_TypedefDecl:
		case CXCursor_StructDecl:
		case CXCursor_UnionDecl:
		case CXCursor_EnumDecl:
			break;
		case CXCursor_FunctionDecl:
			if (clang_isCursorDefinition(c) && !clang_Cursor_isFunctionInlined(c))
				return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* Is (file, off) before the #include of hdr? */
static bool before_include(struct model *m, int hdr, int file, unsigned off)
{
	return model_compare_pos(m, file, off, m->files[hdr].includer,
				 m->files[hdr].directive_offset) < 0;
}

/*
 * Does the header's code that lp.c compiles name entity e? For a header
 * whose subtree defines by macro (included without the macros that make it
 * define), only references outside those definitions count: what only they
 * name (a TRACE_EVENT's TP_fast_assign) needs nothing in lp.c.
 */
static bool compiled_use(struct model *m, int hdr, int e, struct context_ctx *cx)
{
	if (!cx->defines[hdr])
		return true;	/* lp.c compiles what the original did */
	if (cx->uses_hdr != hdr || !cx->uses) {
		free(cx->uses);
		cx->uses = header_uses_scan(m, hdr);
		cx->uses_hdr = hdr;
	}
	return cx->uses[e];
}

/*
 * A function or object the header's code names, declared before its
 * #include in a file we copy from: the closure decides it (copy or
 * externalize) and so declares it before the #include.
 */
static bool use_earlier_entity(struct model *m, int hdr, const char *name, int unit,
			       struct context_ctx *cx)
{
	const struct unit *u = &m->units[unit];

	for (size_t i = 0; i < u->n_cursors; i++) {
		int e = model_entity_of(m, u->cursors[i]);

		if (e < 0 || strcmp(m->ents[e].name, name))
			continue;
		if (m->ents[e].decision == DEC_NONE && before_include(m, hdr, u->file, u->start) &&
		    compiled_use(m, hdr, e, cx))
			*ARRAY_PUSH(cx->ents, cx->n_ents, cx->cap_ents) = e;
		return true;
	}
	return false;
}

/*
 * A macro the header tests or expands, defined before its #include in a
 * file we copy from: defined before the #include in lp.c too. Not for a
 * header that then defines things (trace event headers under
 * CREATE_TRACE_POINTS): lp.c includes it to declare them.
 */
static void see_earlier_macro(struct model *m, struct policy *pol, int hdr, int first,
			      struct context_ctx *cx)
{
	int best = -1;

	for (int i = first; i >= 0; i = m->macros[i].next_same_name)
		if (m->macros[i].file >= 0 &&
		    before_include(m, hdr, m->macros[i].file, m->macros[i].start))
			best = i;
	if (best < 0 || m->macros[best].needed || cx->defines[hdr] ||
	    header_provider(m, pol, m->macros[best].file) != PROVIDER_NONE)
		return;
	*ARRAY_PUSH(cx->macros, cx->n_macros, cx->cap_macros) = best;
}

static void use_earlier_unit(struct model *m, int hdr, int unit, struct context_ctx *cx)
{
	const struct unit *u;

	if (unit < 0)
		return;
	u = &m->units[unit];
	if (u->copy || m->files[u->file].provider != PROVIDER_NONE ||
	    model_compare_pos(m, u->file, u->start, m->files[hdr].includer,
			      m->files[hdr].directive_offset) > 0 ||
	    !harmless_unit(m, u))
		return;
	*ARRAY_PUSH(cx->units, cx->n_units, cx->cap_units) = unit;
}

static int scan_name(struct model *m, struct policy *pol, int hdr, const struct file_ident *id,
		     struct context_ctx *cx)
{
	const char *name = id->name;
	int df = id->decl_file, prov, first;

	if (df < 0)
		return 0;
	prov = header_provider(m, pol, df);
	if (prov == PROVIDER_FAILED)
		return -1;
	/*
	 * A tag the header's inline code dereferences may be forward-declared
	 * in an includable header but defined in the copied one (struct slab).
	 */
	use_earlier_unit(m, hdr, id->tag_unit, cx);
	/* the .c file may redefine a macro an included header defined first */
	first = id->macro_first;
	if (first >= 0)
		see_earlier_macro(m, pol, hdr, first, cx);
	if (prov == PROVIDER_NONE) {
		int unit = model_name_unit(m, name);

		if (unit >= 0 && !use_earlier_entity(m, hdr, name, unit, cx))
			use_earlier_unit(m, hdr, unit, cx);
		return 0;
	}
	if (prov < 0 || prov == hdr || m->files[prov].needed || !before(m, prov, hdr))
		return 0;
	m->files[prov].needed = true;
	*ARRAY_PUSH(cx->work, cx->n_work, cx->cap_work) = prov;
	return 0;
}

/*
 * The distinct identifiers of a file that the model knows a declaration of
 * (the others make scan_name() return at once), lexed once: every needed
 * header's subtree is scanned, and nested needed headers share most of their
 * files. Only the first occurrence of a name can change what scan_name() does.
 * Its tag definition and first macro are looked up here once, not on each of
 * the scans (88,000 of them on kernel/fork.c).
 */
static void file_idents(struct model *m, int f)
{
	struct kfile *kf = &m->files[f];
	size_t n, cap = 0;
	const struct spelling *sp;

	if (kf->idents_lexed)
		return;
	sp = idents_of(m->idents, f, &n);
	/* distinct spellings: distinct names */
	for (size_t i = 0; i < n; i++) {
		int df;
		const char *name = model_declared_name_n(m, kf->text + sp[i].start, sp[i].len, &df);

		if (name)
			*ARRAY_PUSH(kf->idents, kf->n_idents, cap) = (struct file_ident){
				name, df, model_tag_def_unit(m, name), model_macro_first(m, name) };
	}
	kf->idents_lexed = true;
}

/*
 * "#ifndef X" (or "#if !defined X") as a file's first directive: its guard.
 */
static bool guard_of(struct model *m, int file, const char **name, size_t *len)
{
	const char *t = m->files[file].text;
	struct directive d;
	size_t i;

	/* most of the 540 files asked on kernel/fork.c need no other directive */
	if (!directives_first(t, m->files[file].len, &d) || !d.arg_len)
		return false;
	*name = t + d.arg;
	*len = d.arg_len;
	if (d.kind == DIR_IFNDEF)
		return true;
	if (d.kind != DIR_IF)
		return false;
	for (i = d.arg - 1; i > d.start && t[i] != '!'; i--)
		;
	if (t[i] != '!' || *len != 7 || memcmp(*name, "defined", 7))
		return false;
	for (i = d.arg + 7; i < d.end && (t[i] == ' ' || t[i] == '(' || t[i] == '\t'); i++)
		;
	*name = t + i;
	for (*len = 0; i + *len < d.end && is_ident_char((unsigned char)t[i + *len]); (*len)++)
		;
	return *len > 0;
}

static bool include_names(const char *p, size_t n, const char *file);

/* Does an active #include of file f name (the tail of) file g? */
static bool includes_name(struct model *m, int f, int g)
{
	const struct directives *d = model_directives(m, f);
	const char *t = m->files[f].text;

	for (size_t i = 0; i < d->n; i++) {
		const char *a, *b;
		size_t n;

		if (d->v[i].kind != DIR_INCLUDE || !d->v[i].active)
			continue;
		a = memchr(t + d->v[i].arg, '"', d->v[i].end - d->v[i].arg);
		if (!a)
			a = memchr(t + d->v[i].arg, '<', d->v[i].end - d->v[i].arg);
		b = a ? memchr(a + 1, *a == '"' ? '"' : '>', t + d->v[i].end - a - 1) : NULL;
		n = b ? (size_t)(b - a - 1) : 0;
		if (include_names(a + 1, n, m->files[g].name))
			return true;
	}
	return false;
}

/*
 * A guarded header that the header (or one it includes) includes again,
 * but whose guard a file we copy from defined first ("#define FOO_H" to
 * keep a header out): the guard is defined before the #include in lp.c too,
 * or lp.c would read that header's text the original skipped.
 */
static bool subtree_includes(struct model *m, int hdr, int g)
{
	for (size_t f = 0; f < m->n_files; f++)
		if (model_file_in_subtree(m, (int)f, hdr) && includes_name(m, (int)f, g))
			return true;
	return false;
}

/* The definition of name in a file we copy from, or -1. */
static int copied_definition(struct model *m, struct policy *pol, const char *name)
{
	for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name)
		if (m->macros[i].file >= 0 &&
		    header_provider(m, pol, m->macros[i].file) == PROVIDER_NONE)
			return i;
	return -1;
}

/*
 * Headers whose guard a file we copy from defines, found once: the
 * preprocessor skipped their whole text, so they have no declarations.
 */
static void find_predefined_guards(struct model *m, struct policy *pol, struct context_ctx *cx)
{
	cx->guards_found = true;
	for (size_t g = 0; g < m->n_files; g++) {
		const char *name;
		size_t len;
		char *guard;

		if (m->files[g].n_units || m->files[g].role != FILE_HEADER ||
		    !guard_of(m, (int)g, &name, &len))
			continue;
		guard = xstrndup(name, len);
		if (copied_definition(m, pol, guard) >= 0)
			*ARRAY_PUSH(cx->guards, cx->n_guards, cx->cap_guards) = (int)g;
		free(guard);
	}
}

static void scan_predefined_guards(struct model *m, struct policy *pol, int hdr,
				   struct context_ctx *cx)
{
	if (!cx->guards_found)
		find_predefined_guards(m, pol, cx);
	for (size_t i = 0; i < cx->n_guards; i++) {
		int g = cx->guards[i];
		const char *name;
		size_t len;
		char *guard;

		if (model_file_in_subtree(m, g, hdr) || !subtree_includes(m, hdr, g))
			continue;
		guard_of(m, g, &name, &len);
		guard = xstrndup(name, len);
		see_earlier_macro(m, pol, hdr, model_macro_first(m, guard), cx);
		free(guard);
	}
}

static int scan_header(struct model *m, struct policy *pol, int hdr, struct context_ctx *cx)
{
	m->files[hdr].context_scanned = true;
	scan_predefined_guards(m, pol, hdr, cx);
	for (size_t f = 0; f < m->n_files; f++) {
		const struct kfile *kf = &m->files[f];

		if (!model_file_in_subtree(m, (int)f, hdr))
			continue;
		file_idents(m, (int)f);
		for (size_t i = 0; i < kf->n_idents; i++)
			if (scan_name(m, pol, hdr, &kf->idents[i], cx))
				return -1;
	}
	return 0;
}

static unsigned char *definers(struct model *m, int **first);

/* Per file: it or a header it includes defines external functions or objects. */
static unsigned char *subtree_defines(struct model *m)
{
	int *first;
	unsigned char *def = definers(m, &first), *sub = xcalloc(m->n_files + 1, 1);

	for (size_t f = 0; f < m->n_files; f++)
		for (int g = def[f] ? (int)f : -1; g >= 0 && !sub[g]; g = m->files[g].includer)
			sub[g] = 1;
	free(def);
	free(first);
	return sub;
}

void context_ctx_release(struct context_ctx *cx)
{
	free(cx->work);
	free(cx->units);
	free(cx->ents);
	free(cx->macros);
	free(cx->defines);
	free(cx->guards);
	free(cx->uses);
	memset(cx, 0, sizeof(*cx));
}

int headers_context_pass(struct model *m, struct policy *pol, struct context_ctx *cx)
{
	int rc = 0;

	if (!cx->defines)
		cx->defines = subtree_defines(m);
	cx->n_units = cx->n_ents = cx->n_macros = 0;
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].needed && !m->files[i].context_scanned && m->files[i].includer >= 0)
			*ARRAY_PUSH(cx->work, cx->n_work, cx->cap_work) = (int)i;
	while (cx->n_work && !rc) {
		int hdr = cx->work[--cx->n_work];

		if (!m->files[hdr].context_scanned)
			rc = scan_header(m, pol, hdr, cx);
	}
	return rc;
}

/*
 * Naming can make more headers needed (declarations of plainly externalized
 * symbols): give them their context too. Declarations they would need from
 * copied files are already there when the closure needed them.
 */
int headers_final_context(struct model *m, struct policy *pol)
{
	struct context_ctx cx = { 0 };
	int rc = headers_context_pass(m, pol, &cx);

	context_ctx_release(&cx);
	return rc;
}

/*
 * Headers that clash with the output. A symbol a header declares that the
 * output declares differently (a pointer under the same name), or a static
 * inline of the header that must be rewritten (it uses a renamed or
 * pointer-externalized symbol), cannot come with an #include: the header
 * becomes non-eligible like one the policy refused, and the closure, walked
 * again, copies what it needs from it. Only references to statics count for
 * static inlines: a kernel header's memset() binds to the running memset
 * however the policy names the externalized one, and refusing every header
 * with such an inline would leave little of the kernel's includable.
 */
struct clash_scan {
	struct model *m;
	struct policy *pol;
	bool *edited;		/* per entity: a static whose references are rewritten */
	int found;		/* entity a static inline refers to, -1 none */
};

static int refuse_provider(struct model *m, struct policy *pol, int file,
			   const struct entity *e, const char *what)
{
	int prov = header_provider(m, pol, file);
	struct src_loc loc;

	if (prov == PROVIDER_FAILED)
		return -1;
	if (prov == PROVIDER_NONE)
		return 0;
	loc = cursor_src_loc(m, clang_Cursor_isNull(e->def) ? e->canonical : e->def);
	if (prov == PROVIDER_BUILTIN) {
		diag_error_at(loc.file, loc.line, loc.col,
			      "'%s' %s, but %s declares it and cannot be left out (command line -include or built-in); the modify-externalized-sym policy must rename it",
			      e->name, what, m->files[file].name);
		return -1;
	}
	for (int f = file; f >= 0; f = m->files[f].includer) {
		m->files[f].eligible = 0;
		m->files[f].refused = true;
		if (f == prov)
			break;
	}
	diag_warning_at(loc.file, loc.line, loc.col,
			"'%s' %s, which clashes with %s: not #included, what is needed from it is copied",
			e->name, what, m->files[prov].name);
	return 1;
}

static enum CXChildVisitResult find_edited_ref(CXCursor c, CXCursor parent, CXClientData data)
{
	struct clash_scan *cs = data;
	int idx;

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		idx = model_entity_of(cs->m, clang_getCursorReferenced(c));
		if (idx >= 0 && cs->edited[idx]) {
			cs->found = idx;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/* Which externalized symbols does naming rename or make pointers? */
static int preview_names(struct clash_scan *cs, struct facts_db *facts, bool *own_pointer)
{
	struct model *m = cs->m;

	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];
		bool renamed, pointer;

		if (e->decision != DEC_EXTERNALIZE || e->local_static)
			continue;
		if (spelling_preview(m, cs->pol, facts, e, &renamed, &pointer))
			return -1;
		/*
		 * A header's reference to a global symbol still links to the
		 * running one; one to a static (a header included after it)
		 * would not link at all.
		 */
		cs->edited[i] = (renamed || pointer) && e->internal;
		own_pointer[i] = pointer && !renamed;
	}
	return 0;
}

static int refuse_declaring(struct clash_scan *cs, const bool *own_pointer)
{
	struct model *m = cs->m;
	int n = 0, rc;

	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		for (size_t k = 0; own_pointer[i] && k < e->n_decl_units; k++) {
			rc = refuse_provider(m, cs->pol, m->units[e->decl_units[k]].file, e,
					     "is externalized as a pointer under its own name");
			if (rc < 0)
				return -1;
			n += rc;
		}
	}
	return n;
}

static int refuse_inline_users(struct clash_scan *cs)
{
	struct model *m = cs->m;
	int n = 0, rc;
	char *what;

	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (e->decision != DEC_HEADER || e->kind != ENT_FUNCTION || e->def_unit < 0)
			continue;
		cs->found = -1;
		clang_visitChildren(e->def, find_edited_ref, cs);
		if (cs->found < 0)
			continue;
		what = xasprintf("is renamed or externalized as a pointer, and '%s' uses it", e->name);
		rc = refuse_provider(m, cs->pol, m->units[e->def_unit].file, &m->ents[cs->found],
				     what);
		free(what);
		if (rc < 0)
			return -1;
		n += rc;
	}
	return n;
}

/*
 * Headers that define things. A header whose text defines a non-inline
 * function or an object with external linkage cannot be #included: lp.c
 * would define a second copy (a new address, a duplicate global). It is
 * refused like a clashing one; the closure then externalizes or copies
 * what it needs of it. Definitions only token pasting names (trace event
 * headers re-read under CREATE_TRACE_POINTS) do not count: the header
 * declares when lp.c includes it without that macro (see_earlier_macro()).
 */
enum { DEFINES_NONE, DEFINES_BY_MACRO, DEFINES_IN_TEXT };

static bool external_definition(const struct entity *e)
{
	CXCursor d = e->def;

	if (e->internal || e->local_static || e->def_unit < 0 || clang_Cursor_isNull(d))
		return false;
	if (e->kind == ENT_FUNCTION)
		return clang_isCursorDefinition(d) && !clang_Cursor_isFunctionInlined(d);
	/* a global register variable (current_stack_pointer) has no storage */
	switch (clang_Cursor_getStorageClass(d)) {
	case CX_SC_Register:
		return false;
	case CX_SC_Extern:
		return clang_isCursorDefinition(d);
	default:
		return true;
	}
}

/* Is e's name written in file's text where its definition names it? */
static bool name_spelled_at(struct model *m, const struct entity *e, int file)
{
	int f;

	return cursor_spells_name(m, e->def, e->name, &f) && f == file;
}

/* Per file: DEFINES_*; *first: an entity defined in its text, per file. */
static unsigned char *definers(struct model *m, int **first)
{
	unsigned char *v = xcalloc(m->n_files + 1, 1);

	*first = xcalloc(m->n_files + 1, sizeof(int));
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		int f;

		if (!external_definition(e))
			continue;
		f = m->units[e->def_unit].file;
		if (m->files[f].role != FILE_HEADER)
			continue;
		if (name_spelled_at(m, e, f) && v[f] != DEFINES_IN_TEXT) {
			v[f] = DEFINES_IN_TEXT;
			(*first)[f] = (int)i;
		} else if (!v[f]) {
			v[f] = DEFINES_BY_MACRO;
		}
	}
	return v;
}

static int refuse_definers(struct model *m, struct policy *pol)
{
	int *first, n = 0, rc = 0, prov;
	unsigned char *def = definers(m, &first);

	for (size_t f = 0; f < m->n_files && rc >= 0; f++) {
		if (def[f] != DEFINES_IN_TEXT || m->files[f].refused)
			continue;
		prov = header_provider(m, pol, (int)f);
		if (prov == PROVIDER_FAILED)
			rc = -1;
		else if (prov >= 0 && m->files[prov].needed)
			rc = refuse_provider(m, pol, (int)f, &m->ents[first[f]],
					     "has external linkage and is defined by a header");
		n += rc > 0 ? rc : 0;
	}
	free(def);
	free(first);
	return rc < 0 ? -1 : n;
}

/*
 * A function whose address copied code takes, defined (not inline) by a
 * header lp.c would #include: the #include would give lp.c its own copy at
 * another address (declared static by the .c file first, it is no external
 * definition for refuse_definers()). The header is refused; walked again,
 * the closure externalizes the function or says it cannot.
 */
static int refuse_address_copies(struct model *m, struct policy *pol)
{
	int n = 0, rc = 0;

	for (size_t i = 0; i < m->n_ents && rc >= 0; i++) {
		const struct entity *e = &m->ents[i];

		if (e->kind != ENT_FUNCTION || e->decision != DEC_HEADER || !e->address_taken ||
		    e->def_unit < 0 || clang_Cursor_isNull(e->def) ||
		    clang_Cursor_isFunctionInlined(e->def))
			continue;
		rc = refuse_provider(m, pol, m->units[e->def_unit].file, e,
				     "has its address taken and is defined (not inline) by a header");
		n += rc > 0 ? rc : 0;
	}
	return rc < 0 ? -1 : n;
}

/* Is "#include <p>" / "#include "p"" naming file? */
static bool include_names(const char *p, size_t n, const char *file)
{
	size_t len = strlen(file);

	if (n == 0 || n > len || memcmp(file + len - n, p, n))
		return false;
	return n == len || file[len - n - 1] == '/';
}

/* The names of a file's #include directives (the text between the quotes or brackets). */
struct include_names {
	bool done;
	size_t n, cap;
	struct { size_t start, len; } *v;
};

static void find_include_names(const char *t, size_t len, struct include_names *in)
{
	for (size_t i = 0; i < len; i++) {
		size_t j = i, k;

		if (i && t[i - 1] != '\n')
			continue;
		while (j < len && (t[j] == ' ' || t[j] == '\t'))
			j++;
		if (j >= len || t[j++] != '#')
			continue;
		while (j < len && (t[j] == ' ' || t[j] == '\t'))
			j++;
		if (len - j < 7 || memcmp(t + j, "include", 7))
			continue;
		for (j += 7; j < len && (t[j] == ' ' || t[j] == '\t'); j++)
			;
		if (j >= len || (t[j] != '"' && t[j] != '<'))
			continue;
		for (k = ++j; k < len && t[k] != '"' && t[k] != '>' && t[k] != '\n'; k++)
			;
		ARRAY_PUSH(in->v, in->n, in->cap)->start = j;
		in->v[in->n - 1].len = k - j;
	}
	in->done = true;
}

/* Does file f #include one of the refused headers? Returns it, or -1. */
static int includes_refused(const struct model *m, int f, struct include_names *in)
{
	const char *t = m->files[f].text;

	if (!in->done)
		find_include_names(t, m->files[f].len, in);
	for (size_t i = 0; i < in->n; i++)
		for (size_t r = 0; r < m->n_files; r++)
			if (m->files[r].refused &&
			    include_names(t + in->v[i].start, in->v[i].len, m->files[r].name))
				return (int)r;
	return -1;
}

static bool any_refused(const struct model *m)
{
	for (size_t f = 0; f < m->n_files; f++)
		if (m->files[f].refused)
			return true;
	return false;
}

/*
 * An included header whose text (or that of a header it brought in) includes
 * a refused one would bring it back (its second #include was skipped by the
 * include guard in the original): refuse that header as well.
 */
static int refuse_reincluders(struct model *m)
{
	struct include_names *names;
	int n = 0;

	if (!any_refused(m))
		return 0;
	/* each file's directives are found once: many needed headers share a file */
	names = xcalloc(m->n_files + 1, sizeof(*names));
	for (size_t h = 0; h < m->n_files; h++) {
		struct kfile *hf = &m->files[h];

		if (!hf->needed || hf->includer < 0 || hf->refused)
			continue;
		for (size_t f = 0; f < m->n_files; f++) {
			int r;

			if (!model_file_in_subtree(m, (int)f, (int)h))
				continue;
			r = includes_refused(m, (int)f, &names[f]);
			if (r < 0)
				continue;
			for (int g = (int)f; g >= 0; g = m->files[g].includer) {
				m->files[g].eligible = 0;
				m->files[g].refused = true;
				if (g == (int)h)
					break;
			}
			diag_warning("%s includes %s, which is not #included: not #included either, what is needed from it is copied",
				     m->files[f].name, m->files[r].name);
			n++;
			break;
		}
	}
	for (size_t f = 0; f < m->n_files; f++)
		free(names[f].v);
	free(names);
	return n;
}

/*
 * A header's writable file-scope static that copied code uses (also through
 * the header's functions it calls), and that the running unit has (the
 * target's symbols, else those of the original compiled, own_facts.c): an
 * #include would give lp.c a fresh instance of it. Refused, the header's
 * code is copied and the object decided like the unit's own statics
 * (externalized: the running instance).
 */
struct state_refs {
	struct model *m;
	bool *seen;		/* per entity: visited function, or object found */
};

static bool header_state_object(const struct model *m, const struct entity *e)
{
	return e->kind == ENT_OBJECT && e->internal && !e->local_static && e->def_unit >= 0 &&
	       !clang_Cursor_isNull(e->def) &&
	       m->files[m->units[e->def_unit].file].role == FILE_HEADER && !var_read_only(e->def);
}

static enum CXChildVisitResult find_state_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	struct state_refs *sr = data;
	int idx;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	idx = model_entity_of(sr->m, clang_getCursorReferenced(c));
	if (idx < 0 || sr->seen[idx])
		return CXChildVisit_Recurse;
	if (header_state_object(sr->m, &sr->m->ents[idx])) {
		sr->seen[idx] = true;
	} else if (sr->m->ents[idx].kind == ENT_FUNCTION && sr->m->ents[idx].internal &&
		   !clang_Cursor_isNull(sr->m->ents[idx].def)) {
		sr->seen[idx] = true;
		clang_visitChildren(sr->m->ents[idx].def, find_state_refs, sr);
	}
	return CXChildVisit_Recurse;
}

static int refuse_state_holders(struct model *m, struct policy *pol, struct facts_db *facts,
				struct own_facts *own)
{
	struct state_refs sr = { m, xcalloc(m->n_ents + 1, sizeof(bool)) };
	int n = 0, rc = 0;
	const char *object;
	unsigned sympos;

	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_HEADER && !sr.seen[i]) {
			sr.seen[i] = true;
			if (m->ents[i].kind == ENT_FUNCTION && !clang_Cursor_isNull(m->ents[i].def))
				clang_visitChildren(m->ents[i].def, find_state_refs, &sr);
		}
	for (size_t i = 0; i < m->n_ents && rc >= 0; i++) {
		const struct entity *e = &m->ents[i];

		if (!sr.seen[i] || !header_state_object(m, e))
			continue;
		if (!facts && own)
			facts = own_facts_get(own);
		if (!facts || !facts_local_symbol(facts, e->name, &object, &sympos, NULL))
			continue;
		rc = refuse_provider(m, pol, m->units[e->def_unit].file, e,
				     "is a writable static of a header, and the running unit keeps state in it");
		n += rc > 0;
	}
	free(sr.seen);
	return rc < 0 ? -1 : n;
}

int headers_resolve_clashes(struct model *m, struct policy *pol, struct facts_db *facts,
			    struct own_facts *own)
{
	struct clash_scan cs = { m, pol, xcalloc(m->n_ents + 1, sizeof(bool)), -1 };
	bool *own_pointer = xcalloc(m->n_ents + 1, sizeof(bool));
	int n = preview_names(&cs, facts, own_pointer), more;

	if (!n)
		n = refuse_declaring(&cs, own_pointer);
	if (n >= 0) {
		more = refuse_inline_users(&cs);
		n = more < 0 ? -1 : n + more;
	}
	if (n >= 0) {
		more = refuse_definers(m, pol);
		n = more < 0 ? -1 : n + more;
	}
	if (n >= 0) {
		more = refuse_address_copies(m, pol);
		n = more < 0 ? -1 : n + more;
	}
	if (n >= 0) {
		more = refuse_state_holders(m, pol, facts, own);
		n = more < 0 ? -1 : n + more;
	}
	if (n >= 0) {
		more = refuse_reincluders(m);
		n += more;
	}
	free(cs.edited);
	free(own_pointer);
	return n;
}
