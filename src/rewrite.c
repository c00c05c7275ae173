/*
 * Edits on original text: renamed and pointer-externalized references,
 * linkage changes of copied definitions, externalized function-local
 * statics; and the declarations that stand for externalized symbols.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/include_level.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/emit.h"
#include "klp-ccp/expand_plan.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/macro_args.h"
#include "klp-ccp/pp_expand.h"
#include "klp-ccp/provider.h"
#include "klp-ccp/stub_macros.h"

struct edit {
	unsigned start, end;
	char *text;
};

struct edits {
	struct edit *v;
	size_t n, cap;
};

static void add_edit(struct edits *ed, unsigned start, unsigned end, char *text)
{
	struct edit *e = ARRAY_PUSH(ed->v, ed->n, ed->cap);

	e->start = start;
	e->end = end;
	e->text = text;
}

static const char *final_name(const struct entity *e)
{
	return e->new_name ? e->new_name : e->name;
}

/* ---- spelling declarations from clang types ---- */

static bool simple_type(const char *t)
{
	return !strchr(t, '(') && !strchr(t, '[');
}

/* "T declarator", with arrays and complex types handled. */
static char *declare(const char *type, const char *name, bool pointer)
{
	const char *br = strchr(type, '[');

	if (simple_type(type))
		return xasprintf("%s%s%s%s", type, type[strlen(type) - 1] == '*' ? "" : " ",
				 pointer ? "*" : "", name);
	if (br && !strchr(type, '(') && br > type) {
		size_t n = (size_t)(br - type);

		while (n && type[n - 1] == ' ')
			n--;
		return xasprintf("%.*s %s%s%s%s", (int)n, type, pointer ? "(*" : "", name,
				 pointer ? ")" : "", br);
	}
	return xasprintf("__typeof__(%s) %s%s", type, pointer ? "*" : "", name);
}

static char *type_spelling(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	char *r = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static bool anonymous_type(const char *spelling)
{
	return strstr(spelling, "(unnamed") || strstr(spelling, "(anonymous");
}

static bool variably_modified(CXType t)
{
	for (int depth = 0; depth < 32; depth++) {
		switch (t.kind) {
		case CXType_VariableArray:
			return true;
		case CXType_Pointer:
			t = clang_getPointeeType(t);
			break;
		case CXType_ConstantArray:
		case CXType_IncompleteArray:
			t = clang_getArrayElementType(t);
			break;
		default:
			return false;
		}
	}
	return false;
}

/*
 * A parameter "int a[n]", "int (*m)[n]" names another parameter, which a
 * declaration without names cannot: "[*]" (C11 6.7.6.2) is its bound there.
 */
static char *param_type_spelling(CXType t)
{
	char *a = type_spelling(t);
	struct strbuf sb = { 0 };

	if (!variably_modified(t))
		return a;
	for (const char *p = a; *p; p++) {
		const char *close = *p == '[' ? strchr(p, ']') : NULL;
		bool number = close != NULL;

		for (const char *q = p + 1; close && q < close; q++)
			number &= isdigit((unsigned char)*q) || *q == 'u' || *q == 'U' ||
				  *q == 'l' || *q == 'L';
		if (close && !number && close > p + 1) {
			sb_adds(&sb, "[*]");
			p = close;
		} else {
			sb_addc(&sb, *p);
		}
	}
	free(a);
	return sb_detach(&sb);
}

static char *function_args(CXType ft)
{
	struct strbuf sb = { 0 };
	int n = clang_getNumArgTypes(ft);

	if (ft.kind == CXType_FunctionNoProto)
		return xstrdup("");
	for (int i = 0; i < n; i++) {
		char *a = param_type_spelling(clang_getArgType(ft, (unsigned)i));

		sb_addf(&sb, "%s%s", i ? ", " : "", a);
		free(a);
	}
	if (clang_isFunctionTypeVariadic(ft))
		sb_adds(&sb, n ? ", ..." : "...");
	else if (!n)
		sb_adds(&sb, "void");
	return sb_detach(&sb);
}

static char *function_declarator(CXType ft, const char *name, bool pointer)
{
	char *ret = type_spelling(clang_getResultType(ft));
	char *args = function_args(ft);
	char *r, *d = pointer ? xasprintf("(*%s)(%s)", name, args) : xasprintf("%s(%s)", name, args);

	if (simple_type(ret))
		r = xasprintf("%s%s%s", ret, ret[strlen(ret) - 1] == '*' ? "" : " ", d);
	else
		r = xasprintf("__typeof__(%s) %s", ret, d);
	free(ret);
	free(args);
	free(d);
	return r;
}

static const char *storage_of(const struct entity *e)
{
	if (e->pointer)
		return e->make_static ? "static " : "";
	if (e->kind == ENT_FUNCTION && e->make_static)
		return "static ";
	return "extern ";
}

/*
 * The symbol a plain declaration must bind to when it is not the C name: a
 * function's static x.N (binary facts), or an asm label of the source.
 */
static char *asm_label_of(const struct entity *e)
{
	char *src = NULL, *r;

	if (e->pointer)
		return xstrdup("");
	if (!e->asm_name)
		src = entity_asm_label(e);
	r = e->asm_name || src ? xasprintf(" __asm__(\"%s\")", e->asm_name ? e->asm_name : src) :
				 xstrdup("");
	free(src);
	return r;
}

/*
 * An object the unit defined, plainly externalized: GCC gave the original's
 * definition more alignment than its type's (x86-64: 64 bytes to an array
 * of 64 or more) and compiled the unit's code knowing it (memset of a
 * static array: no alignment prologue); lp.c's extern declaration says
 * what the running object's address has (binary facts), at most the
 * largest power of two within its size, as GCC's rules give, so that GCC
 * compiles the copied code alike. True of the running object whatever the
 * value, so behaviour is unchanged.
 */
static char *alignment_of(CXCursor c, const struct entity *e)
{
	CXType t = clang_getCursorType(c);
	long long size = clang_Type_getSizeOf(t), own = clang_Type_getAlignOf(t);
	uint64_t a = e->align;
	char *declared, *r;

	if (e->pointer || e->kind == ENT_FUNCTION || clang_Cursor_isNull(e->def) || size <= 0 ||
	    own <= 0)
		return xstrdup("");
	while (a > 1 && a > (uint64_t)size)
		a >>= 1;
	r = a > (uint64_t)own ? xasprintf(" __attribute__((__aligned__(%" PRIu64 ")))", a)
			      : xstrdup("");
	/* what the source asks for (_Alignas(64) char buf[10]): GCC takes the larger */
	declared = declared_alignment(e->def);
	if (declared) {
		char *both = xasprintf("%s __attribute__((__aligned__(%s)))", r, declared);

		free(r);
		r = both;
	}
	free(declared);
	return r;
}

/* A thread-local object stays one: a plain extern declaration names its TLS symbol. */
static const char *thread_local_of(CXCursor c, const struct entity *e)
{
	return !e->pointer && clang_getCursorTLSKind(c) != CXTLS_None ? "__thread " : "";
}

int externalized_declaration(struct model *m, struct entity *e, struct strbuf *out)
{
	CXCursor c = clang_Cursor_isNull(e->def) ? e->canonical : e->def;
	CXType t = clang_getCursorType(c);
	char *ts = type_spelling(t), *decl, *attrs, *label;

	if (anonymous_type(ts) && clang_getCanonicalType(t).kind == CXType_Enum) {
		free(ts);
		ts = type_spelling(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(
			clang_getCanonicalType(t))));
	}
	if (anonymous_type(ts)) {
		struct src_loc loc = cursor_src_loc(m, c);

		diag_error_at(loc.file, loc.line, loc.col,
			      "cannot externalize '%s': its type has no name (%s)", e->name, ts);
		free(ts);
		return -1;
	}
	if (e->kind == ENT_FUNCTION)
		decl = function_declarator(t, final_name(e), e->pointer);
	else
		decl = declare(ts, final_name(e), e->pointer);
	attrs = e->kind == ENT_FUNCTION && !e->pointer ? callee_attributes(e) : xstrdup("");
	label = asm_label_of(e);
	if (e->kind == ENT_FUNCTION) {
		sb_addf(out, "%s%s%s%s;", storage_of(e), attrs, decl, label);
	} else {
		char *align = alignment_of(c, e);

		sb_addf(out, "%s%s%s%s%s;", storage_of(e), thread_local_of(c, e), decl, label,
			align);
		free(align);
	}
	free(label);
	free(attrs);
	free(decl);
	free(ts);
	return 0;
}

/*
 * "klpp_f(ARGS);" before a patched function given external linkage, so that
 * -Wmissing-prototypes builds (W=1 kernels, user space) accept it.
 */
struct params {
	struct model *m;
	int file;
	struct strbuf text;
	unsigned n;
	bool ok;
	unsigned name_end;	/* the function's name ends there */
	bool knr;		/* an old-style definition: its parameters are declared after ')' */
};

/* Is s past the ')' closing the parameter list opened after from (K&R)? */
static bool after_declarator(const char *t, unsigned from, unsigned s)
{
	int depth = 0;

	for (unsigned i = from; i < s; i++) {
		depth += t[i] == '(';
		if (t[i] == ')' && --depth == 0)
			return true;
	}
	return false;
}

static enum CXChildVisitResult param_text(CXCursor c, CXCursor parent, CXClientData data)
{
	struct params *p = data;
	CXSourceRange r = clang_getCursorExtent(c);
	int f1, f2;
	unsigned s, e;

	if (clang_getCursorKind(c) != CXCursor_ParmDecl)
		return CXChildVisit_Continue;
	if (!model_locate(p->m, clang_getRangeStart(r), &f1, &s) ||
	    !model_locate(p->m, clang_getRangeEnd(r), &f2, &e) || f1 != p->file || f2 != f1 ||
	    e <= s || memchr(p->m->files[f1].text + s, '#', e - s) ||
	    s < p->name_end ||	/* DEF(name) writing "int name(int x)": not written */
	    after_declarator(p->m->files[f1].text, p->name_end, s)) {
		p->knr = p->knr || s >= p->name_end;
		p->ok = false;
		return CXChildVisit_Break;
	}
	sb_addf(&p->text, "%s%.*s", p->n++ ? ", " : "", (int)(e - s), p->m->files[f1].text + s);
	return CXChildVisit_Continue;
}

/*
 * The parameters as written ("va_list args", not clang's canonical
 * "struct __va_list_tag *"), or NULL when macros make them up.
 */
static char *written_params(struct model *m, const struct entity *e, bool *knr)
{
	struct params p = { m, m->units[e->def_unit].file, { 0 }, 0, true, 0, false };
	CXType ft = clang_getCursorType(e->def);
	const struct kfile *kf = &m->files[p.file];
	size_t len = strlen(e->name);
	unsigned off;
	int file;

	/* a name made by a macro (SYSCALL_DEFINE): so are the parameters */
	if (!model_locate(m, clang_getCursorLocation(e->def), &file, &off) || file != p.file ||
	    off + len > kf->len || memcmp(kf->text + off, e->name, len))
		return NULL;

	p.name_end = off + (unsigned)len;
	clang_visitChildren(e->def, param_text, &p);
	*knr = p.knr;
	if (!p.ok || ft.kind != CXType_FunctionProto ||
	    p.n != (unsigned)clang_getNumArgTypes(ft)) {
		sb_release(&p.text);
		return NULL;
	}
	if (clang_isFunctionTypeVariadic(ft))
		sb_adds(&p.text, p.n ? ", ..." : "...");
	else if (!p.n)
		sb_adds(&p.text, "void");
	return sb_detach(&p.text);
}

/*
 * Does lp.c's definition of e have internal linkage? Linkage edits apply to
 * patched functions and copies; a function the copied text of another
 * defines (SYSCALL_DEFINE's __do_sys_NAME) keeps its own.
 */
static bool defined_internal(const struct entity *e)
{
	if (e->decision != DEC_PATCHED && e->decision != DEC_COPY)
		return e->internal;
	return e->make_static || (e->internal && !e->make_extern);
}

/*
 * "klpp_f(ARGS);" before a patched function given external linkage, so that
 * -Wmissing-prototypes builds (W=1 kernels, user space) accept it; "static
 * klpr_g(ARGS);" before the first call of a renamed copy defined later.
 * A copy the target calls out of line (out_of_line.c) is declared noinline
 * (and noclone when the target has no clone of it: with one caller in lp.c
 * GCC specializes it where the target's did not), which also reaches
 * definitions a macro writes (SYSCALL_DEFINE's __do_sys_NAME).
 */
int patched_prototype(struct model *m, struct entity *e, struct strbuf *out)
{
	bool knr = false;
	char *params = written_params(m, e, &knr), *decl, *ret;
	/* a patched function the target has in .text.unlikely: GCC found all
	 * its callers cold (print_trailer); lp.c's has none, so say it */
	const char *attrs = e->noclone	? " __attribute__((__noinline__, __noclone__))"
			    : e->noinline ? " __attribute__((__noinline__))"
			    : e->decision == DEC_PATCHED && e->cold ? " __attribute__((__cold__))"
					  : "";

	if (defined_internal(e))
		sb_adds(out, "static ");
	if (knr)	/* no prototype: callers pass promoted arguments */
		params = xstrdup("");
	if (!params) {
		decl = function_declarator(clang_getCursorType(e->def), final_name(e), false);
		sb_addf(out, "%s%s;", decl, attrs);
		free(decl);
		return 0;
	}
	ret = type_spelling(clang_getResultType(clang_getCursorType(e->def)));
	if (simple_type(ret))
		sb_addf(out, "%s%s%s(%s)%s;", ret, ret[strlen(ret) - 1] == '*' ? "" : " ",
			final_name(e), params, attrs);
	else
		sb_addf(out, "__typeof__(%s) %s(%s)%s;", ret, final_name(e), params, attrs);
	free(ret);
	free(params);
	return 0;
}

/* ---- edits in copied text ---- */

/* Does the emitted definition of macro idx (or a macro it uses) spell name? */
static bool macro_spells(struct model *m, int idx, const char *name, int depth)
{
	const struct macro_def *md = &m->macros[idx];
	const struct kfile *kf;
	size_t pos, is, n, len = strlen(name);
	char buf[256];

	if (md->file < 0 || depth > 8)
		return false;
	kf = &m->files[md->file];
	pos = md->start + strlen(md->name);
	while (lex_next_ident(kf->text, model_macro_end(m, md) + 1 <= kf->len ? model_macro_end(m, md) + 1 : kf->len, &pos,
			      &is, &n)) {
		int inner;

		if (n == len && !memcmp(kf->text + is, name, n))
			return md->needed;
		if (n >= sizeof(buf))
			continue;
		memcpy(buf, kf->text + is, n);
		buf[n] = '\0';
		inner = model_macro_first(m, buf);
		if (inner >= 0 && inner != idx && macro_spells(m, inner, name, depth + 1))
			return true;
	}
	return false;
}

/*
 * libclang reports no spelling location inside macro bodies: find the
 * macro invoked where the reference was expanded and look at its text.
 */
static bool spelled_in_emitted_macro(struct model *m, const struct site *s)
{
	const struct file_uses *fu;
	int file;
	unsigned off;

	if (!model_locate(m, s->loc, &file, &off))
		return false;
	fu = &m->uses[file];
	for (size_t i = 0; i < fu->n; i++) {
		int idx;

		if (fu->v[i].offset != off)
			continue;
		idx = model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor));
		return idx >= 0 && macro_spells(m, idx, m->ents[s->entity].name, 0);
	}
	return false;
}

/* Would names hold both "NAME NEW" and "NAME = ALIAS" with pair added? */
static bool renamed_both_ways(const struct strlist *names, const char *name, const char *pair)
{
	size_t n = strlen(name);
	bool alias = !strncmp(pair + n, " = ", 3);

	for (size_t i = 0; i < names->n; i++)
		if (!strncmp(names->v[i], name, n) && names->v[i][n] == ' ' &&
		    strncmp(names->v[i] + n, " @ ", 3) &&
		    alias != !strncmp(names->v[i] + n, " = ", 3))
			return true;
	return false;
}

/*
 * A name produced by a macro body (SYSCALL_DEFINE, DEFINE_*) cannot be edited
 * in the text: rename it for this unit with "#define OLD NEW" (see emit.c).
 */
/* The name of the macro invoked where e is defined ("" if none is spelled). */
static char *macro_at_definition(struct model *m, const struct entity *e)
{
	const struct kfile *kf;
	unsigned off;
	size_t n = 0;
	int f;

	if (!model_locate_expansion(m, clang_getCursorLocation(e->def), &f, &off))
		return xstrdup("");
	kf = &m->files[f];
	while (off + n < kf->len && is_ident_char((unsigned char)kf->text[off + n]))
		n++;
	return xstrndup(kf->text + off, n);
}

/*
 * A patched function a macro both declares and calls (the body of a
 * syscall, __do_sys_NAME of SYSCALL_DEFINE1..6; a TRACE_EVENT's functions
 * without a kernel target): the error names that macro, and the syscall
 * entry points to patch instead when it is one.
 */
static void macro_body_patched(struct model *m, const struct entity *e)
{
	struct src_loc loc = cursor_src_loc(m, e->def);
	char *macro = macro_at_definition(m, e);
	bool syscall = strstr(macro, "SYSCALL_DEFINE") != NULL;

	diag_error_at(loc.file, loc.line, loc.col,
		      "patched function '%s' is declared and called inside one macro expansion (of %s%s): it can be neither renamed nor aliased there; patch the functions the macro defines around it%s",
		      e->name, *macro ? macro : "a macro",
		      syscall ? ", the body of the syscall" : "",
		      syscall ? " (the __x64_sys_*/__ia32_sys_* entry points)" : "");
	free(macro);
}

/*
 * One macro body serves all its expansions: where one of them takes a
 * patched function's address, the body names the running original (the
 * address the running code holds); the calls it makes reach the patched
 * function through that address while the livepatch is enabled. "#define
 * F NEW" around a unit does the same when the unit takes F's address.
 */
static int original_if(struct model *m, int patched, bool address)
{
	int orig;

	if (m->ents[patched].decision != DEC_PATCHED || !address)
		return patched;
	orig = model_entity_original(m, patched);
	return m->ents[orig].orig_unbound ? patched : orig;
}

int macro_reference_entity(struct model *m, int idx)
{
	int patched = m->ents[idx].orig_address ? m->ents[idx].orig_of : idx;

	return original_if(m, patched, m->ents[patched].orig_via_macro);
}

/* Does unit take the address of patched function f (a site of its original)? */
static bool unit_takes_address(const struct model *m, int unit, int f)
{
	for (size_t i = 0; i < m->n_sites; i++) {
		const struct entity *e = &m->ents[m->sites[i].entity];

		if (m->sites[i].unit == unit && e->orig_address && e->orig_of == f)
			return true;
	}
	return false;
}

static int rename_by_macro(struct model *m, const struct site *s, struct strlist *names)
{
	struct entity *e = &m->ents[s->entity];
	char *rep, *pair;

	/* one "#define OLD NEW" per name: the patched function's, or the
	   original's when a macro takes its address; a unit defining it
	   renames it (README) */
	if (e->orig_address || e->decision == DEC_PATCHED) {
		int f = e->orig_address ? e->orig_of : s->entity;

		e = &m->ents[s->kind == SITE_DECL_NAME ? f :
			     original_if(m, f, m->ents[f].orig_via_macro ||
						  unit_takes_address(m, s->unit, f))];
	}
	rep = reference_text(e);
	if (!rep)
		return 0;	/* the running original under its own name */

	if (model_macro_first(m, e->name) >= 0) {
		CXFile f;
		unsigned line, col;
		CXString fn;

		clang_getExpansionLocation(s->loc, &f, &line, &col, NULL);
		fn = clang_getFileName(f);
		diag_error_at(clang_getCString(fn), line, col,
			      "reference to '%s' comes from a macro body and '%s' is also a macro; cannot rewrite it to '%s'",
			      e->name, e->name, final_name(e));
		clang_disposeString(fn);
		free(rep);
		return -1;
	}
	if (s->kind == SITE_DECL_NAME && e->decision == DEC_PATCHED && e->make_extern &&
	    e->internal) {
		/*
		 * "static" comes from the macro body, and aliases made by the
		 * same macro may name it: keep it, export it through an alias.
		 */
		pair = xasprintf("%s = %s", e->name, rep);
	} else {
		pair = xasprintf("%s %s", e->name, rep);
	}
	free(rep);
	if (renamed_both_ways(names, e->name, pair)) {
		macro_body_patched(m, e);
		free(pair);
		return -1;
	}
	if (strlist_contains(names, pair))
		free(pair);
	else
		strlist_push_owned(names, pair);
	return 0;
}

/*
 * Is the site inside a file-scope object definition (its initializer) that
 * lp.c keeps? An externalized object's initializer is dropped.
 */
static bool in_static_initializer(struct model *m, const struct site *s)
{
	const struct unit *u = &m->units[s->unit];

	for (size_t i = 0; i < u->n_cursors; i++) {
		CXCursor c = u->cursors[i];

		if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
			return false;
	}
	for (size_t i = 0; i < u->n_cursors; i++) {
		int idx = model_entity_of(m, u->cursors[i]);

		if (clang_getCursorKind(u->cursors[i]) == CXCursor_VarDecl &&
		    (idx < 0 || m->ents[idx].decision != DEC_EXTERNALIZE))
			return true;
	}
	return false;
}

static bool renames(const struct entity *e)
{
	return e->new_name || e->pointer;
}

/* Is "OLD NEW" in names: does the unit's #define rename old? */
static bool renamed_by_define(const struct strlist *names, const char *old, size_t n)
{
	for (size_t i = 0; names && i < names->n; i++)
		if (!strncmp(names->v[i], old, n) && names->v[i][n] == ' ' &&
		    strncmp(names->v[i] + n, " = ", 3) && strncmp(names->v[i] + n, " @ ", 3))
			return true;
	return false;
}

/*
 * A written reference that # or ## consume as written keeps its spelling:
 * the unit is renamed by "#define OLD NEW" instead, which # and ## do not
 * see while the argument's other uses expand it (see plan_references()).
 * Where the expansion cannot be computed, the macros' text decides.
 */
static bool hashed_argument(struct model *m, const struct site *s, const struct expand_plan *pl)
{
	const struct unit *u = &m->units[s->unit];
	const struct arg_site *unknown = plan_unknown(pl, s->offset);
	struct arg_site at = { 0 };
	enum arg_use use;

	if (!unknown)
		return plan_by_define(pl, s->offset);
	use = macro_arg_use(m, u->file, u->start, s->offset, &at);
	if (use == ARG_HASHED_NESTED)
		diag_warning_at(m->files[u->file].name, model_line_of(m, u->file, s->offset), 0,
				"'%s' is renamed, and '%s' passes it on to a macro that stringizes or pastes it, but that invocation cannot be expanded exactly: that text now spells the new name",
				m->ents[s->entity].name, at.macro);
	return use == ARG_HASHED;
}

/*
 * The text of an expanded invocation: references written in it (by
 * offset) and those its macros made (by name) renamed, unless the unit's
 * #define does it; blank lines after it keep the line numbers of what
 * follows.
 */
static char *expansion_text(struct model *m, int unit, const struct arg_site *at,
			    const struct strlist *names, const struct strlist *keep)
{
	const struct unit *u = &m->units[unit];
	struct pp_rename *ren = NULL;
	size_t n_ren = 0, cap = 0;
	struct strbuf sb = { 0 };
	char *text;

	for (size_t i = 0; i < m->n_sites; i++) {
		const struct site *s = &m->sites[i];
		const struct entity *e = &m->ents[s->entity];

		if (s->unit != unit || !renames(e) || s->offset < at->start || s->offset >= at->end ||
		    renamed_by_define(names, e->name, strlen(e->name)))
			continue;
		*ARRAY_PUSH(ren, n_ren, cap) = (struct pp_rename){
			e->name, reference_text(e), s->in_text ? s->offset : PP_ANY };
	}
	text = pp_expand_invocation(m, u->file, at->start, at->end, keep, ren, n_ren);
	for (size_t i = 0; i < n_ren; i++)
		free((char *)ren[i].text);
	free(ren);
	if (!text)
		return NULL;
	sb_addf(&sb, "/* %s(...) expanded by klp-ccp */ %s", at->macro, text);
	for (unsigned k = at->start; k < at->end; k++)
		if (m->files[u->file].text[k] == '\n')
			sb_adds(&sb, "\n");
	free(text);
	return sb_detach(&sb);
}

/* The invocations the plan expands, written expanded (keep: see rewrite_unit()). */
static void write_expanded(struct model *m, int unit, const struct expand_plan *pl,
			   const struct strlist *names, const struct strlist *keep,
			   struct edits *ed)
{
	const struct unit *u = &m->units[unit];

	for (size_t i = 0; i < pl->n_expand; i++) {
		const struct arg_site *at = &pl->expand[i];
		char *text = expansion_text(m, unit, at, names, keep);

		if (text)
			add_edit(ed, at->start, at->end, text);
		else
			diag_warning_at(m->files[u->file].name, model_line_of(m, u->file, at->start), 0,
					"a renamed name reaches # or ## inside '%s(...)' after an expansion, but lp.c cannot write that invocation expanded exactly: its text now spells the new name",
					at->macro);
	}
}

/*
 * Where a local static's declarator ends: at the ',' or ';' after it, so
 * that attributes written after the name go with the static definition
 * (__read_mostly is a section attribute, an error on a block-scope extern).
 */
static unsigned declarator_end(struct model *m, const struct site *s)
{
	const struct unit *u = &m->units[s->unit];
	const char *t = m->files[u->file].text;
	unsigned at = s->end;
	int depth = 0;

	while (at < u->end) {
		size_t past = lex_skip(t, u->end, at);

		if (past != at) {
			at = (unsigned)past;
			continue;
		}
		if (strchr("([{", t[at]))
			depth++;
		else if (strchr(")]}", t[at]) && --depth < 0)
			return s->end;
		else if (!depth && (t[at] == ',' || t[at] == ';'))
			return at;
		at++;
	}
	return s->end;
}

/*
 * "static T a, b;" with b externalized: b's declaration is written in
 * place of the declarator, so the ',' before it ends a's declaration
 * ("extern T a __asm__("a.1"); extern T b __asm__("b.2");").
 */
static void split_declarators(struct model *m, const struct site *s, struct edits *ed)
{
	const char *t = m->files[m->units[s->unit].file].text;
	unsigned at = s->offset;

	while (at > m->units[s->unit].start && strchr(" \t\r\n", t[at - 1]))
		at--;
	if (at > m->units[s->unit].start && t[at - 1] == ',')
		add_edit(ed, at - 1, at, xstrdup(";"));
}

/*
 * A copied object's static initializer takes the address of a patched
 * function whose running original is externalized as a pointer, which is
 * no constant: it names the patched function (a warning says so).
 */
static struct entity *patched_in_initializer(struct model *m, const struct site *s,
					     const struct entity *orig)
{
	struct entity *e = &m->ents[orig->orig_of];

	diag_warning_at(m->files[m->units[s->unit].file].name,
			model_line_of(m, m->units[s->unit].file, s->offset), 0,
			"a copied object's static initializer takes the address of patched function '%s', whose running original is externalized as a pointer (not a constant): it names '%s', the livepatch's",
			e->name, final_name(e));
	return e;
}

static bool is_word(const char *t, size_t s, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(t + s, w, n);
}

/*
 * A patched function to make external whose name is written but whose
 * "static" a macro body writes (DEF(f) -> "static int f(...)"): no edit
 * can drop it, so it keeps its name and gets a global alias, as when the
 * macro makes the name (rename_by_macro()).
 */
static bool static_from_macro(const struct model *m, const struct site *s)
{
	const struct entity *e = &m->ents[s->entity];
	const struct unit *u = &m->units[s->unit];
	const char *t = m->files[u->file].text;
	size_t pos = u->start, is, n;

	if (s->kind != SITE_DECL_NAME || e->decision != DEC_PATCHED || !e->make_extern ||
	    !e->internal)
		return false;
	while (lex_next_ident(t, s->offset, &pos, &is, &n))
		if (is_word(t, is, n, "static"))
			return false;
	return true;
}

/* Does a macro body make the name of patched function f that unit defines
   (so "#define F NEW" renames the unit)? */
static bool unit_defines_by_macro(const struct model *m, int unit, int f)
{
	for (size_t i = 0; i < m->n_sites; i++) {
		const struct site *s = &m->sites[i];

		if (s->unit == unit && s->entity == f && s->kind == SITE_DECL_NAME && !s->in_text)
			return true;
	}
	return false;
}

/*
 * The running original of patched function F, named by its own name, in a
 * unit "#define F NEW" renames (a macro makes F's name there): the address
 * the unit takes must stay the running one's (stored, it outlives the
 * livepatch; compared, it is what the running code holds), so the written
 * reference names an alias, declared by the unit's names as
 * "F @ ALIAS": extern __typeof__(F) ALIAS __asm__("F").
 */
static int alias_original(struct model *m, const struct site *s, struct edits *ed,
			  struct strlist *names)
{
	const char *name = m->ents[s->entity].name;
	char *alias = xasprintf("klpo_%s", name), *pair;
	int file;

	for (unsigned n = 1; model_declared_name_n(m, alias, strlen(alias), &file); n++) {
		free(alias);
		alias = xasprintf("klpo_%s%u", name, n);
	}
	add_edit(ed, s->offset, s->end, xstrdup(alias));
	pair = xasprintf("%s @ %s", name, alias);
	if (strlist_contains(names, pair))
		free(pair);
	else
		strlist_push_owned(names, pair);
	free(alias);
	return 0;
}

static int site_edit(struct model *m, const struct site *s, struct edits *ed,
		     struct strlist *names, const struct expand_plan *pl)
{
	struct entity *e = &m->ents[s->entity];
	struct strbuf sb = { 0 };

	if (s->kind == SITE_LOCAL_DECL) {
		if (e->decision != DEC_EXTERNALIZE)
			return 0;
		if (!e->pointer && externalized_declaration(m, e, &sb))
			return -1;
		if (sb.len && sb.buf[sb.len - 1] == ';')
			sb.buf[--sb.len] = '\0';
		add_edit(ed, s->offset, declarator_end(m, s), sb_detach(&sb));
		split_declarators(m, s, ed);
		return 0;
	}
	if (e->orig_address && !e->new_name && !e->pointer && s->in_text &&
	    unit_defines_by_macro(m, s->unit, e->orig_of))
		return alias_original(m, s, ed, names);
	if (!e->new_name && !e->pointer)
		return 0;
	if (plan_expands(pl, s->offset))
		return 0;	/* renamed in the expansion */
	if (!s->in_text && spelled_in_emitted_macro(m, s))
		return 0;	/* the macro is re-emitted with the edit, see emit.c */
	if (!s->in_text || (s->kind == SITE_REF && hashed_argument(m, s, pl)) ||
	    static_from_macro(m, s))
		return rename_by_macro(m, s, names);
	if (e->orig_address && e->pointer && in_static_initializer(m, s))
		e = patched_in_initializer(m, s, e);
	if (e->pointer && s->kind == SITE_REF && in_static_initializer(m, s)) {
		struct src_loc loc = cursor_src_loc(m, e->def);
		unsigned line = model_line_of(m, m->units[s->unit].file, s->offset);

		diag_error_at(m->files[m->units[s->unit].file].name, line, 0,
			      "'%s' is externalized as a pointer, but a copied object's static initializer uses it ('(*%s)' is not a constant); externalize that object, or '%s' plainly (declared at %s:%u)",
			      e->name, final_name(e), e->name, loc.file ? loc.file : "?", loc.line);
		return -1;
	}
	if (e->pointer && (s->kind == SITE_REF || e->decision == DEC_EXTERNALIZE))
		add_edit(ed, s->offset, s->end, xasprintf("(*%s)", final_name(e)));
	else
		add_edit(ed, s->offset, s->end, xstrdup(final_name(e)));
	return 0;
}

/* The replacement text for a reference to e, or NULL when it keeps its name. */
char *reference_text(const struct entity *e)
{
	if (e->pointer)
		return xasprintf("(*%s)", final_name(e));
	return e->new_name ? xstrdup(e->new_name) : NULL;
}

/* Remove a keyword and the blanks after it. */
static void drop_word(struct edits *ed, const char *t, size_t start, size_t n)
{
	size_t end = start + n;

	while (t[end] == ' ' || t[end] == '\t')
		end++;
	add_edit(ed, (unsigned)start, (unsigned)end, xstrdup(""));
}

/* Whether macro NAME's replacement list has the identifier WORD. */
static bool macro_body_has_word(struct model *m, const char *name, const char *word)
{
	int idx = model_macro_first(m, name);
	const struct macro_def *md = idx >= 0 ? &m->macros[idx] : NULL;
	size_t pos, is, n;
	const char *t;

	if (!md || md->file < 0)
		return false;
	t = m->files[md->file].text;
	pos = md->start + strlen(name);	/* the extent starts with NAME */
	while (lex_next_ident(t, model_macro_end(m, md), &pos, &is, &n))
		if (is_word(t, is, n, word))
			return true;
	return false;
}

/*
 * The kernel's "inline" is a macro adding gnu_inline and notrace: a
 * non-static gnu_inline definition is emitted out of line, so it stays, and
 * the patched copy keeps the original's (lack of) ftrace instrumentation.
 * The same holds for the macros spelled with it (__always_inline,
 * __inline__, __inline): they stay too (a non-static always_inline
 * gnu_inline definition is emitted as well).
 */
static bool keeps_gnu_inline(struct model *m, const char *word, size_t n)
{
	char name[32];
	int idx;

	if (n >= sizeof(name))
		return false;
	memcpy(name, word, n);
	name[n] = 0;
	if (strcmp(name, "inline") && !macro_body_has_word(m, name, "inline"))
		return false;
	idx = model_macro_first(m, "inline");
	return idx >= 0 && m->macros[idx].file >= 0 &&
	       memmem(m->files[m->macros[idx].file].text + m->macros[idx].start,
		      model_macro_end(m, &m->macros[idx]) - m->macros[idx].start, "gnu_inline", 10);
}

/*
 * A copy whose body the original kept and called from a function of the
 * livepatch (out_of_line.c: keep_body). GCC compiled the original knowing
 * that body stays: it weighed every inlining as growth and never inlined
 * it as the only call of a body it could then drop. In lp.c the copy is
 * static with fewer callers (often one), and GCC inlines it where the
 * original was called (tcp_skb_shift into tcp_sacktag_walk, do_preadv into
 * __ia32_compat_sys_preadv2). Declared "used", its body stays too, and
 * GCC's inliner weighs it as it did the original. Only where the definition
 * spells its name (not a macro's: the attribute would go to the macro's
 * first declaration).
 */
static bool in_own_text(const struct model *m, const struct unit *u, const struct site *s)
{
	const struct entity *e = &m->ents[s->entity];
	size_t n = strlen(e->name);

	return e->kind == ENT_FUNCTION && e->decision == DEC_COPY && !e->inline_body &&
	       s->in_text && s->end - s->offset == n &&
	       !memcmp(m->files[u->file].text + s->offset, e->name, n);
}

static bool keeps_body(const struct model *m, const struct unit *u, const struct site *s)
{
	return m->ents[s->entity].keep_body && in_own_text(m, u, s);
}

/* The attributes out_of_line.c asks for on a copy's definition, or NULL. */
static const char *copy_attrs(const struct model *m, const struct unit *u, const struct site *s)
{
	const struct entity *e = &m->ents[s->entity];
	bool used = keeps_body(m, u, s), noclone = e->clone_free && in_own_text(m, u, s);

	if (used && noclone)
		return "__attribute__((__used__, __noclone__))";
	return used ? "__attribute__((__used__))" : noclone ? "__attribute__((__noclone__))" : NULL;
}

/* The attributes after the definition's "static" (kept), or first. */
static void attrs_edit(struct model *m, const struct unit *u, const struct site *s,
		       const char *attrs, struct edits *ed)
{
	const char *t = m->files[u->file].text;
	size_t pos = u->start, is, n;

	while (!m->ents[s->entity].make_extern && lex_next_ident(t, s->offset, &pos, &is, &n))
		if (is_word(t, is, n, "static")) {
			add_edit(ed, (unsigned)(is + n), (unsigned)(is + n), xasprintf(" %s", attrs));
			return;
		}
	add_edit(ed, u->start, u->start, xasprintf("%s ", attrs));
}

/* Drop or add storage-class and inline keywords before a definition's name. */
static void linkage_edits(struct model *m, const struct unit *u, const struct site *s,
			  struct edits *ed)
{
	const struct entity *e = &m->ents[s->entity];
	static const char *const drop_for_extern[] = { "static", "inline", "__inline",
		"__inline__", "__always_inline", NULL };
	const char *t = m->files[u->file].text;
	size_t pos = u->start, is, n;
	bool has_static = false;
	const char *attrs = copy_attrs(m, u, s);

	if (e->inline_body) {
		/* inline_body.c: GCC's to inline, never emitted (bound to the running one) */
		add_edit(ed, u->start, u->start,
			 xstrdup("extern inline __attribute__((__gnu_inline__)) "));
		while (e->internal && lex_next_ident(t, s->offset, &pos, &is, &n))
			if (is_word(t, is, n, "static"))
				drop_word(ed, t, is, n);
		return;
	}
	if (e->decision == DEC_EXTERNALIZE || (!e->make_static && !e->make_extern)) {
		if (attrs)
			attrs_edit(m, u, s, attrs, ed);
		return;
	}
	while (lex_next_ident(t, s->offset, &pos, &is, &n)) {
		if (is_word(t, is, n, "static"))
			has_static = true;
		if (e->make_static && is_word(t, is, n, "extern"))
			drop_word(ed, t, is, n);
		for (int i = 0; e->make_extern && drop_for_extern[i]; i++)
			if (is_word(t, is, n, drop_for_extern[i]) && !keeps_gnu_inline(m, t + is, n))
				drop_word(ed, t, is, n);
	}
	if (e->make_static && !has_static)
		add_edit(ed, u->start, u->start,
			 attrs ? xasprintf("static %s ", attrs) : xstrdup("static "));
	else if (attrs)
		attrs_edit(m, u, s, attrs, ed);
}

/* Offset of a top-level '=' in [start, end), or end. */
static unsigned find_initializer(const char *t, unsigned start, unsigned end)
{
	int depth = 0;

	for (unsigned i = start; i < end; i++) {
		char c = t[i];

		if (c == '"' || c == '\'') {
			for (i++; i < end && t[i] != c; i++)
				i += t[i] == '\\';
		} else if (c == '(' || c == '[' || c == '{') {
			depth++;
		} else if (c == ')' || c == ']' || c == '}') {
			depth--;
		} else if (c == '=' && !depth) {
			return i;
		}
	}
	return end;
}

/*
 * "x[] = { ... }" takes its bound from the initializer, which the in-place
 * declaration drops: write the bound clang deduced, so that sizeof(x) and
 * ARRAY_SIZE(x) still compile and mean the same (only the outermost bound
 * can be omitted; bounds that are written stay as written).
 */
static void deduced_bound(const struct entity *e, const char *t, unsigned name_end,
			  unsigned stop, struct edits *ed)
{
	CXType ty = clang_getCursorType(e->def);
	unsigned i = name_end;

	if (ty.kind != CXType_ConstantArray)
		return;
	while (i < stop && strchr(" \t\r\n", t[i]))
		i++;
	if (i >= stop || t[i] != '[')
		return;
	for (i++; i < stop && strchr(" \t\r\n", t[i]); i++)
		;
	if (i < stop && t[i] == ']')
		add_edit(ed, i, i, xasprintf("%lld", clang_getArraySize(ty)));
}

/*
 * An externalized object whose definition also defines a type the output
 * needs ("static enum { A, B } state = A;") becomes a declaration in place.
 */
static void externalize_in_place(struct model *m, const struct unit *u, const struct site *s,
				 struct edits *ed)
{
	const struct entity *e = &m->ents[s->entity];
	const char *t = m->files[u->file].text;
	unsigned stop = t[u->end - 1] == ';' ? u->end - 1 : u->end;
	unsigned init = find_initializer(t, s->end, stop);
	size_t pos = u->start, is, n;

	if (e->kind != ENT_OBJECT || e->decision != DEC_EXTERNALIZE || e->local_static)
		return;
	while (lex_next_ident(t, s->offset, &pos, &is, &n))
		if (is_word(t, is, n, "static") || is_word(t, is, n, "extern"))
			drop_word(ed, t, is, n);
	if (!e->pointer)
		add_edit(ed, u->start, u->start, xstrdup("extern "));
	else if (e->make_static)
		add_edit(ed, u->start, u->start, xstrdup("static "));
	deduced_bound(e, t, s->end, init, ed);
	if (init < stop)
		add_edit(ed, init, stop, xstrdup(""));
}

/* A macro invocation that defines a patched function may define state too. */
static void warn_private_copy(struct model *m, const struct site *s)
{
	const struct entity *e = &m->ents[s->entity];
	CXFile f;
	unsigned line, col;
	CXString fn;

	if (e->kind != ENT_OBJECT || e->decision != DEC_EXTERNALIZE || e->local_static)
		return;
	clang_getExpansionLocation(s->loc, &f, &line, &col, NULL);
	fn = clang_getFileName(f);
	diag_warning_at(clang_getCString(fn), line, col,
			"'%s' is defined by a macro invocation that is copied; the livepatch gets its own '%s' instead of the running one",
			e->name, e->name);
	clang_disposeString(fn);
}

/* ---- objects a copied macro invocation defines ---- */

/*
 * DEFINE_BATCHED_ENTROPY(u32) defines struct batch_u32, the per-CPU
 * batched_entropy_u32 and get_random_u32(): no text of the invocation names
 * the object, so the invocation is expanded with a copy of the macro in
 * which the object's definition is a declaration (emit.c wraps the unit in
 * push_macro/#define/pop_macro).
 */
struct body_chunk {
	unsigned start, end;	/* one top-level declaration of the body */
	bool function;		/* a function definition */
};

static void split_body(const char *t, unsigned start, unsigned end, struct body_chunk **v,
		       size_t *n, size_t *cap)
{
	unsigned from = start;
	int depth = 0;
	char last = 0;
	bool fn = false;

	for (unsigned i = start; i < end; i++) {
		unsigned j = (unsigned)lex_skip(t, end, i);
		char c = t[i];

		if (j != i) {
			if (c == '"' || c == '\'')
				last = c;
			i = j - 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\')
			continue;
		if (c == '{' && !depth)
			fn = last == ')';
		depth += c == '(' || c == '[' || c == '{';
		depth -= c == ')' || c == ']' || c == '}';
		if ((c == ';' && !depth) || (c == '}' && !depth && fn)) {
			struct body_chunk *b = ARRAY_PUSH(*v, *n, *cap);

			b->start = from;
			b->end = i + 1;
			b->function = c == '}';
			from = i + 1;
			fn = false;
			c = 0;
		}
		last = c;
	}
}

static bool spells_ident(const char *text, const char *name)
{
	size_t pos = 0, is, n, len = strlen(name), end = strlen(text);

	while (lex_next_ident(text, end, &pos, &is, &n))
		if (n == len && !memcmp(text + is, name, n))
			return true;
	return false;
}

/* Is a definition of macro name in the output (re-emitted or #included)? */
static bool macro_in_output(struct model *m, const char *name)
{
	for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name) {
		const struct macro_def *md = &m->macros[i];
		int prov = md->file < 0 ? PROVIDER_BUILTIN :
			   m->files[md->file].provider_done ? m->files[md->file].provider :
			   PROVIDER_NONE;

		if (md->needed || prov == PROVIDER_BUILTIN || (prov >= 0 && m->files[prov].needed))
			return true;
	}
	return false;
}

/*
 * A per-CPU definition ("static DEFINE_PER_CPU(T, x) = I") becomes
 * "DECLARE_PER_CPU(T, x)" when the output has that macro, else
 * "extern DEFINE_PER_CPU(T, x)": either way the declaration keeps the
 * per-CPU section and address space. False when it is no DEFINE_PER_CPU*.
 */
static bool percpu_declaration(struct model *m, const char *t, unsigned start, unsigned stop,
			       struct strbuf *out)
{
	size_t pos = start, is, n;
	unsigned done = start;
	char decl[128] = "";
	const char *def;
	size_t def_n;
	bool found = false;

	while (!found && lex_next_ident(t, stop, &pos, &is, &n))
		found = n >= 14 && n < sizeof(decl) - 1 && !memcmp(t + is, "DEFINE_PER_CPU", 14);
	if (!found)
		return false;
	def = t + is;
	def_n = n;
	snprintf(decl, sizeof(decl), "DECLARE%.*s", (int)(n - 6), t + is + 6);
	if (!macro_in_output(m, decl))
		sb_adds(out, "extern ");
	for (pos = start; lex_next_ident(t, stop, &pos, &is, &n);) {
		if (is_word(t, is, n, "static")) {
			sb_addn(out, t + done, is - done);
			while (is + n < stop && (t[is + n] == ' ' || t[is + n] == '\t'))
				n++;
		} else if (n == def_n && !memcmp(t + is, def, n) && macro_in_output(m, decl)) {
			sb_addn(out, t + done, is - done);
			sb_adds(out, decl);
		} else {
			continue;
		}
		done = (unsigned)(is + n);
	}
	while (stop > done && strchr(" \t\\\r\n", t[stop - 1]))
		stop--;
	sb_addn(out, t + done, stop - done);
	sb_adds(out, ";");
	return true;
}

/* The declaration that replaces the chunk defining e; -1 on error. */
static int chunk_declaration(struct model *m, struct entity *e, const char *t,
			     const struct body_chunk *b, struct strbuf *out)
{
	unsigned first = b->start, stop = b->end - 1;
	unsigned init = find_initializer(t, b->start, stop);
	size_t base;

	if (e->pointer && !e->new_name) {
		struct src_loc loc = cursor_src_loc(m, e->def);

		/* "#define x (*x)" renames its uses: it would rename the declaration too */
		diag_error_at(loc.file, loc.line, loc.col,
			      "'%s' is defined by a macro invocation and externalized as a pointer under its own name; the modify-externalized-sym policy must rename it",
			      e->name);
		return -1;
	}
	while (first < stop && strchr(" \t\\\r\n", t[first]))
		first++;
	sb_addn(out, t + b->start, first - b->start);
	base = out->len;
	if (!e->pointer && !e->new_name && percpu_declaration(m, t, first, init, out))
		return 0;
	out->len = base;
	return externalized_declaration(m, e, out);
}

/* The macro invoked where the site expands, with the invocation's offset. */
static const struct macro_def *invoked_macro(struct model *m, const struct site *s, int *file,
					     unsigned *off)
{
	const struct file_uses *fu;

	if (!model_locate(m, s->loc, file, off))
		return NULL;
	fu = &m->uses[*file];
	for (size_t i = 0; i < fu->n; i++) {
		int idx = fu->v[i].offset == *off ?
			model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor)) : -1;

		if (idx >= 0 && m->macros[idx].file >= 0)
			return &m->macros[idx];
	}
	return NULL;
}

/* The body chunk (not a function) that defines e, or -1. */
static int defining_chunk(const char *t, const struct body_chunk *chunks, size_t n,
			  const struct strlist *params, const struct strlist *args,
			  const struct entity *e)
{
	for (size_t i = 0; i < n; i++) {
		unsigned init = find_initializer(t, chunks[i].start, chunks[i].end - 1);
		char *sub;
		bool found;

		if (chunks[i].function)
			continue;
		sub = macro_substitute(t, chunks[i].start, init, params, args);
		found = spells_ident(sub, e->name);
		free(sub);
		if (found)
			return (int)i;
	}
	return -1;
}

/*
 * The macro invoked at the sites' expansion, with the definitions of their
 * objects made declarations: NAME and "#define NAME(params) body" are added
 * to overrides. Objects whose definition is not found in that body (a
 * nested macro defines it) stay private copies, with a warning.
 */
static int declaring_macro(struct model *m, const struct site *const *sites, size_t n_sites,
			   struct strlist *overrides)
{
	const struct macro_def *md = NULL;
	struct strlist params = { 0 }, args = { 0 };
	struct body_chunk *chunks = NULL;
	size_t n = 0, cap = 0;
	struct strbuf def = { 0 };
	int *entity_of, file = -1, rc = 0;
	const char *t;
	unsigned off = 0, body, end, done;

	for (size_t i = 0; i < n_sites && !md; i++)
		md = invoked_macro(m, sites[i], &file, &off);
	if (!md) {
		for (size_t i = 0; i < n_sites; i++)
			warn_private_copy(m, sites[i]);
		return 0;
	}
	t = m->files[md->file].text;
	body = macro_params(t, md, &params);
	end = model_macro_end(m, md) + 1 <= m->files[md->file].len ? model_macro_end(m, md) + 1 :
								     (unsigned)m->files[md->file].len;
	while (end > body && strchr(" \t\r\n", t[end - 1]))
		end--;
	macro_invocation_args(m->files[file].text, m->files[file].len, off, &args);
	macro_join_variadic(&params, &args);
	split_body(t, body, end, &chunks, &n, &cap);
	entity_of = xmalloc((n + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++)
		entity_of[i] = -1;
	for (size_t i = 0; i < n_sites; i++) {
		int c = defining_chunk(t, chunks, n, &params, &args, &m->ents[sites[i]->entity]);

		if (c < 0)
			warn_private_copy(m, sites[i]);
		else
			entity_of[c] = sites[i]->entity;
	}
	sb_addf(&def, "#define %.*s", (int)(body - md->start), t + md->start);
	done = body;
	for (size_t i = 0; i < n && !rc; i++) {
		if (entity_of[i] < 0)
			continue;
		sb_addn(&def, t + done, chunks[i].start - done);
		rc = chunk_declaration(m, &m->ents[entity_of[i]], t, &chunks[i], &def);
		done = chunks[i].end;
	}
	sb_addn(&def, t + done, end - done);
	sb_adds(&def, "\n");
	if (!rc && done != body) {
		strlist_push(overrides, md->name);
		strlist_push_owned(overrides, sb_detach(&def));
	}
	sb_release(&def);
	free(entity_of);
	free(chunks);
	strlist_release(&params);
	strlist_release(&args);
	return rc;
}

static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void apply_edits(const char *text, const struct unit *u, struct edits *ed,
			struct strbuf *out)
{
	unsigned pos = u->start;

	if (ed->n > 1)
		qsort(ed->v, ed->n, sizeof(*ed->v), cmp_edit);
	for (size_t i = 0; i < ed->n; i++) {
		if (ed->v[i].start < pos)
			continue;
		sb_addn(out, text + pos, ed->v[i].start - pos);
		sb_adds(out, ed->v[i].text);
		pos = ed->v[i].end;
	}
	sb_addn(out, text + pos, u->end - pos);
}

/* Unneeded stub macros are defined empty for the unit: see unneeded_stub_macros(). */
static void silence_stub_macros(struct model *m, int unit, struct strlist *overrides)
{
	struct strlist stubs = { 0 };

	unneeded_stub_macros(m, unit, &stubs);
	for (size_t i = 0; i < stubs.n; i++) {
		strlist_push(overrides, stubs.v[i]);
		strlist_push_owned(overrides, xasprintf("#define %s(...)\n", stubs.v[i]));
	}
	strlist_release(&stubs);
}

/* An externalized object defined by a macro invocation: see declaring_macro(). */
static bool macro_defined_object(struct model *m, const struct site *s)
{
	const struct entity *e = &m->ents[s->entity];

	return s->kind == SITE_DECL_NAME && !s->in_text && e->kind == ENT_OBJECT &&
	       e->decision == DEC_EXTERNALIZE && !e->local_static;
}

/*
 * __INCLUDE_LEVEL__ is the nesting depth of the file it is expanded in:
 * written in text copied out of a header, lp.c (depth 0) would change its
 * value, so it becomes the header's depth in the original.
 */
static void include_level_edits(const struct model *m, const struct unit *u,
				struct edits *ed)
{
	const char *t = m->files[u->file].text;
	size_t pos = u->start, is, n;
	unsigned depth = include_level_of(m, u);

	if (!depth)
		return;
	while (lex_next_ident(t, u->end, &pos, &is, &n))
		if (is_word(t, is, n, "__INCLUDE_LEVEL__"))
			add_edit(ed, (unsigned)is, (unsigned)(is + n), xasprintf("%u /* __INCLUDE_LEVEL__ */", depth));
}

int rewrite_unit(struct model *m, int unit, const struct strlist *renamed,
		 struct strbuf *out, struct strlist *names, struct strlist *overrides)
{
	const struct unit *u = &m->units[unit];
	const struct site **defined = NULL;
	size_t n_defined = 0, cap_defined = 0;
	struct edits ed = { 0 };
	struct expand_plan pl = { 0 };
	struct strlist keep = { 0 };	/* macros lp.c defines its own way around the unit */
	int rc = 0;

	export_macros_of_unit(m, unit, &keep);	/* silenced */
	plan_references(m, unit, renamed, &keep, &pl);
	for (size_t i = 0; i < m->n_sites && !rc; i++) {
		const struct site *s = &m->sites[i];

		if (s->unit != unit)
			continue;
		rc = site_edit(m, s, &ed, names, &pl);
		if (macro_defined_object(m, s))
			*ARRAY_PUSH(defined, n_defined, cap_defined) = s;
		if (s->kind == SITE_DECL_NAME && s->in_text) {
			linkage_edits(m, u, s, &ed);
			externalize_in_place(m, u, s, &ed);
		}
	}
	if (!rc && n_defined)
		rc = declaring_macro(m, defined, n_defined, overrides);
	if (!rc)
		silence_stub_macros(m, unit, overrides);
	if (!rc)
		include_level_overrides(m, u, overrides);
	free(defined);
	if (!rc) {
		for (size_t i = 0; i < overrides->n; i += 2)
			strlist_push(&keep, overrides->v[i]);
		plan_defines(m, unit, names, &keep, &pl);
		write_expanded(m, unit, &pl, names, &keep, &ed);
	}
	plan_release(&pl);
	strlist_release(&keep);
	if (!rc)
		include_level_edits(m, u, &ed);
	if (!rc)
		apply_edits(m->files[u->file].text, u, &ed, out);
	for (size_t i = 0; i < ed.n; i++)
		free(ed.v[i].text);
	free(ed.v);
	return rc;
}

/*
 * Registration a livepatch must not repeat for its copies: exports, and the
 * error-injection whitelist entry SYSCALL_DEFINE makes for the entry point.
 */
static bool is_export_macro(const char *t, size_t n)
{
	return (n >= 13 && !memcmp(t, "EXPORT_SYMBOL", 13)) ||
	       (n == 21 && !memcmp(t, "ALLOW_ERROR_INJECTION", 21));
}

static void collect_exports(struct model *m, int idx, struct strlist *out, int depth)
{
	const struct macro_def *md = &m->macros[idx];
	const struct kfile *kf;
	size_t pos, end;
	char buf[256];

	if (is_export_macro(md->name, strlen(md->name)) && !strlist_contains(out, md->name))
		strlist_push(out, md->name);
	if (md->file < 0 || depth > 8)
		return;
	kf = &m->files[md->file];
	pos = md->start + strlen(md->name);
	end = model_macro_end(m, md) + 1 <= kf->len ? model_macro_end(m, md) + 1 : kf->len;
	while (lex_next_name(kf->text, end, &pos, buf, sizeof(buf))) {
		int inner = model_macro_first(m, buf);

		if (inner >= 0 && inner != idx)
			collect_exports(m, inner, out, depth + 1);
	}
}

void export_macros_of_unit(struct model *m, int unit, struct strlist *out)
{
	const struct unit *u = &m->units[unit];
	const struct file_uses *fu = &m->uses[u->file];

	for (size_t i = 0; i < fu->n; i++) {
		int idx;

		if (fu->v[i].offset < u->start || fu->v[i].offset >= u->end)
			continue;
		idx = model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor));
		if (idx >= 0)
			collect_exports(m, idx, out, 0);
	}
}
