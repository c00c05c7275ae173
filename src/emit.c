/*
 * Stage "emit": order everything the output needs by its position in the
 * translation unit and write it, original text first, with #line directives
 * so that __LINE__ and diagnostics match the original source.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/directives.h"
#include "klp-ccp/emit.h"
#include "klp-ccp/expand_plan.h"
#include "klp-ccp/inline_body.h"
#include "klp-ccp/out_of_line.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/provider.h"
#include "klp-ccp/split_callers.h"

enum item_kind { ITEM_INCLUDE, ITEM_MACRO, ITEM_UNDEF, ITEM_PRAGMA, ITEM_FWD, ITEM_DECL,
		 ITEM_PROTO, ITEM_UNIT };

struct item {
	enum item_kind kind;
	int file;
	unsigned offset;
	int sub;		/* before (-1) or after (+1) what sits at the same place */
	int ref;		/* file, macro, directive, fwd, entity or unit index */
	unsigned seq;
};

struct items {
	struct item *v;
	size_t n, cap;
};

struct emitter {
	struct model *m;
	const struct emit_request *req;
	struct strbuf *out;
	int cur_file;		/* file whose numbering the output follows, -1 unknown */
	unsigned cur_line;
	const char **defined_macros;
	size_t n_defined, cap_defined;
	struct unit_out *uo;	/* per unit: its rewritten text */
	/* per unit: uo filled; the others' uo is never touched (a megabyte of
	   pages on a kernel unit, faulted in when read and again when cleared) */
	bool *rewritten;
	const char **replaced;	/* per macro: the one definition to write instead, or NULL */
	int *unit_function;	/* per unit: the one function it defines, -1 none, -2 more */
	bool *unit_quiet;	/* per unit: see index_units() */
};

/* A copied unit, rewritten (see rewrite_unit()) before anything is written. */
struct unit_out {
	struct strbuf text;
	struct strlist names, overrides;
};

static void push_item(struct items *it, enum item_kind k, int file, unsigned off, int sub, int ref)
{
	struct item *i = ARRAY_PUSH(it->v, it->n, it->cap);

	i->kind = k;
	i->file = file;
	i->offset = off;
	i->sub = sub;
	i->ref = ref;
	i->seq = (unsigned)it->n;
}

static struct model *sort_model;

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = model_compare_pos(sort_model, x->file, x->offset, y->file, y->offset);

	if (c)
		return c;
	if (x->sub != y->sub)
		return x->sub < y->sub ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Where something declared in unit's file can be placed. */
static void place_at_unit(struct model *m, int unit, int *file, unsigned *off, int *sub)
{
	const struct unit *u = &m->units[unit];
	int prov = m->files[u->file].provider_done ? m->files[u->file].provider : PROVIDER_NONE;

	*file = u->file;
	*off = u->start;
	*sub = -1;
	if (prov >= 0) {
		*file = m->files[prov].includer;
		*off = m->files[prov].directive_offset;
		*sub = 1;
	} else if (prov == PROVIDER_BUILTIN) {
		*file = m->main_file;
		*off = 0;
	}
}

static int site_unit_of_local(struct model *m, int entity)
{
	for (size_t i = 0; i < m->n_sites; i++)
		if (m->sites[i].entity == entity && m->sites[i].kind == SITE_LOCAL_DECL)
			return m->sites[i].unit;
	return -1;
}

static void collect_decls(struct model *m, struct items *it)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];
		int unit, file, sub;
		unsigned off;

		if ((e->decision != DEC_EXTERNALIZE && e->decision != DEC_DECLARE) ||
		    !e->needs_decl)
			continue;
		if (e->local_static && !e->pointer)
			continue;	/* declared in place, inside its function */
		/* externalized in place (rewrite.c); an inline body (inline_body.c)
		 * also where copied code first declared it (a copied header's inline) */
		if (e->def_unit >= 0 && m->units[e->def_unit].copy &&
		    !(e->inline_body && e->n_decl_units && e->decl_units[0] != e->def_unit))
			continue;
		unit = e->local_static ? site_unit_of_local(m, (int)i) :
			e->n_decl_units ? e->decl_units[0] : e->def_unit;
		if (unit < 0)
			continue;
		place_at_unit(m, unit, &file, &off, &sub);
		push_item(it, ITEM_DECL, file, off, sub, (int)i);
	}
}

static bool gets_external_linkage(const struct entity *e)
{
	return e->make_extern || (!e->internal && !e->make_static);
}

static bool unit_before(struct model *m, int a, int b)
{
	return model_compare_pos(m, m->units[a].file, m->units[a].start,
				 m->units[b].file, m->units[b].start) < 0;
}

/* The first copied unit referring to entity idx, or -1. */
static int first_use_unit(struct model *m, int idx)
{
	int first = -1;

	for (size_t i = 0; i < m->n_sites; i++) {
		int u = m->sites[i].unit;

		if (m->sites[i].entity == idx && m->sites[i].kind == SITE_REF &&
		    m->units[u].copy && (first < 0 || unit_before(m, u, first)))
			first = u;
	}
	return first;
}

/*
 * A renamed function (patched, or a rewritten copy) used before its
 * definition, with no copied declaration of it in between: the header or
 * prototype the original relied on declares the old name only, so the new
 * one needs a prototype before that first use (calls between patched
 * functions, copied helpers calling a patched function, macros expanding to
 * such calls). Returns the unit of that use, or -1.
 */
static int renamed_needs_proto(struct model *m, int idx)
{
	const struct entity *e = &m->ents[idx];
	int use;

	if (e->kind != ENT_FUNCTION || !e->new_name || e->def_unit < 0 ||
	    (e->decision != DEC_COPY && e->decision != DEC_PATCHED) ||
	    clang_Cursor_isNull(e->def))
		return -1;
	use = first_use_unit(m, idx);
	if (use < 0 || !unit_before(m, use, e->def_unit))
		return -1;
	for (size_t i = 0; i < e->n_decl_units; i++)
		if (m->units[e->decl_units[i]].copy && e->decl_units[i] != e->def_unit &&
		    !unit_before(m, use, e->decl_units[i]))
			return -1;
	return use;
}

/* The first unit lp.c copies that declares e (a noinline prototype goes before). */
static int first_copied_decl(const struct model *m, const struct entity *e)
{
	for (size_t k = 0; k < e->n_decl_units; k++)
		if (m->units[e->decl_units[k]].copy)
			return e->decl_units[k];
	return e->def_unit;
}

/*
 * One prototype per renamed function: before its first use when that comes
 * first, else (a patched function or copy given external linkage, for
 * -Wmissing-prototypes builds) before its definition. A function declared
 * noinline: before its first declaration lp.c copies (an attribute a later
 * declaration adds conflicts with the kernel's gnu_inline).
 */
static void collect_prototypes(struct model *m, struct items *it)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		int use = renamed_needs_proto(m, (int)i);
		const struct unit *u = NULL;

		if (e->noinline) {
			int first = first_copied_decl(m, e);

			u = &m->units[use >= 0 && unit_before(m, use, first) ? use : first];
		} else if (use >= 0)
			u = &m->units[use];
		else if (((e->decision == DEC_PATCHED || e->decision == DEC_COPY) &&
			  gets_external_linkage(e) && e->new_name) ||
			 (e->decision == DEC_PATCHED && e->cold))
			u = &m->units[e->def_unit];
		if (u)
			push_item(it, ITEM_PROTO, u->file, u->start, -1, (int)i);
	}
}

static unsigned line_start_of(const struct kfile *kf, unsigned off)
{
	while (off > 0 && kf->text[off - 1] != '\n')
		off--;
	return off;
}

/* Is the file's text copied from (not #included)? */
static bool copied_from(const struct model *m, int file)
{
	const struct kfile *kf = &m->files[file];

	return kf->role == FILE_MAIN ||
	       (kf->role == FILE_HEADER && kf->provider_done && kf->provider == PROVIDER_NONE);
}

/* Does lp.c define the macro name anywhere (re-emitted, #included, built in)? */
static bool macro_in_lp(struct model *m, const char *name, size_t n)
{
	char *s = xstrndup(name, n);
	bool yes = false;

	for (int i = model_macro_first(m, s); i >= 0 && !yes; i = m->macros[i].next_same_name) {
		const struct macro_def *md = &m->macros[i];
		const struct kfile *kf = md->file >= 0 ? &m->files[md->file] : NULL;

		yes = md->needed || !kf || kf->role == FILE_PRE_INCLUDE ||
		      (kf->provider_done && kf->provider >= 0 && m->files[kf->provider].needed);
	}
	free(s);
	return yes;
}

/* Directives inside a copied unit come with its text, in place. */
static bool in_copied_unit(struct model *m, int file, unsigned off)
{
	int u = model_unit_at(m, file, off);

	return u >= 0 && m->units[u].copy;
}

/*
 * #pragma lines of the files copied from that change how later code is laid
 * out or compiled (pack, scalar_storage_order, GCC optimize/target and
 * their push/pop_options, GCC visibility, GCC diagnostic): a copied
 * structure or function after them needs them in force, in order. Others
 * (once, weak, poison, message...) name or touch what lp.c does not copy.
 */
static bool state_pragma(const char *t, const struct directive *dv)
{
	static const char *const gcc[] = { "optimize", "target", "push_options", "pop_options",
		"reset_options", "visibility", "diagnostic", NULL };
	size_t i = dv->arg + dv->arg_len;

	if (dv->arg_len == 4 && !memcmp(t + dv->arg, "pack", 4))
		return true;
	if (dv->arg_len == 20 && !memcmp(t + dv->arg, "scalar_storage_order", 20))
		return true;
	if (dv->arg_len != 3 || memcmp(t + dv->arg, "GCC", 3))
		return false;
	while (i < dv->end && (t[i] == ' ' || t[i] == '\t'))
		i++;
	for (int k = 0; gcc[k]; k++)
		if (!strncmp(t + i, gcc[k], strlen(gcc[k])) &&
		    !is_ident_char((unsigned char)t[i + strlen(gcc[k])]))
			return true;
	return false;
}

/*
 * Directive lines of the files copied from that lp.c replays in order:
 * #undef lines for macros lp.c defines (what follows, copied text and later
 * #includes, sees the macro state it saw) and the state pragmas above.
 * Those inside a copied unit come with its text; pragmas inside a unit not
 * copied stay out.
 */
static void collect_directive_lines(struct model *m, struct items *it)
{
	for (size_t f = 0; f < m->n_files; f++) {
		const struct directives *d;
		const char *t = m->files[f].text;

		if (!copied_from(m, (int)f))
			continue;
		d = model_directives(m, (int)f);
		for (size_t i = 0; i < d->n; i++) {
			const struct directive *dv = &d->v[i];

			if (!dv->active)
				continue;
			if (dv->kind == DIR_UNDEF && dv->arg_len &&
			    !in_copied_unit(m, (int)f, dv->start) &&
			    macro_in_lp(m, t + dv->arg, dv->arg_len))
				push_item(it, ITEM_UNDEF, (int)f, dv->start, 0, (int)i);
			else if (dv->kind == DIR_PRAGMA && state_pragma(t, dv) &&
				 model_unit_at(m, (int)f, dv->start) < 0)
				push_item(it, ITEM_PRAGMA, (int)f, dv->start, 0, (int)i);
		}
	}
}

static void collect_items(struct model *m, struct items *it)
{
	collect_directive_lines(m, it);
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].needed && m->files[i].includer >= 0 &&
		    !in_copied_unit(m, m->files[i].includer, m->files[i].directive_offset))
			push_item(it, ITEM_INCLUDE, m->files[i].includer,
				  m->files[i].directive_offset, 0, (int)i);
	for (size_t i = 0; i < m->n_macros; i++)
		if (m->macros[i].needed && !in_copied_unit(m, m->macros[i].file, m->macros[i].start))
			push_item(it, ITEM_MACRO, m->macros[i].file,
				  line_start_of(&m->files[m->macros[i].file], m->macros[i].start),
				  0, (int)i);
	for (size_t i = 0; i < m->n_fwd; i++)
		if (!m->units[m->fwd[i].unit].copy)
			push_item(it, ITEM_FWD, m->units[m->fwd[i].unit].file,
				  m->units[m->fwd[i].unit].start, -1, (int)i);
	collect_decls(m, it);
	collect_prototypes(m, it);
	for (size_t i = 0; i < m->n_units; i++)
		if (m->units[i].copy && m->units[i].reread_at)	/* after its #include */
			push_item(it, ITEM_UNIT, m->files[m->units[i].file].includer,
				  m->units[i].reread_at, 1, (int)i);
		else if (m->units[i].copy)
			push_item(it, ITEM_UNIT, m->units[i].file, m->units[i].start, 0, (int)i);
}

/* ---- writing ---- */

static void add_text(struct emitter *em, const char *s, size_t n)
{
	sb_addn(em->out, s, n);
	for (size_t i = 0; i < n; i++)
		em->cur_line += s[i] == '\n';
}

static void add_line(struct emitter *em, const char *s)
{
	add_text(em, s, strlen(s));
	add_text(em, "\n", 1);
}

/* A C string literal body: #line takes escapes. */
static void add_escaped(struct strbuf *sb, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sb_addf(sb, "\\%03o", *p);
		else
			sb_addc(sb, (char)*p);
	}
}

static void line_directive(struct emitter *em, const char *fname, unsigned line)
{
	sb_addf(em->out, "#line %u \"", line);
	add_escaped(em->out, fname);
	sb_adds(em->out, "\"\n");
}

/* Text for inside a comment: no comment end, no newline. */
static void add_comment_safe(struct strbuf *sb, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\n' || *p == '\r')
			sb_addc(sb, '?');
		else if (*p == '*' && p[1] == '/')
			sb_adds(sb, "* ");
		else
			sb_addc(sb, *p);
	}
}

static char *cur_name;

/* Make the next output line count as line `line` of the original file. */
static void sync_line(struct emitter *em, int file, unsigned off)
{
	unsigned line;
	const char *fname = model_presumed(em->m, file, off, &line);

	if (cur_name && !strcmp(cur_name, fname) && line >= em->cur_line &&
	    line - em->cur_line <= 2) {
		while (em->cur_line < line)
			add_text(em, "\n", 1);
	} else {
		line_directive(em, fname, line);
		free(cur_name);
		cur_name = xstrdup(fname);
		em->cur_line = line;
	}
}

/*
 * An inline body that calls a static (inline_body.c) goes in lines GCC
 * takes for a system header's (a linemarker's flag 3), where it does not
 * report C99 6.7.4p3's pedwarn; a plain linemarker after it ends them (a
 * #line would keep the flag).
 */
static void system_lines(struct emitter *em, int file, unsigned off)
{
	unsigned line;
	const char *fname = model_presumed(em->m, file, off, &line);

	sb_adds(em->out, "/* klp-ccp: a body for GCC to inline as in the original; its address and\n"
			 " * other calls are the running function's. It calls a static: a system\n"
			 " * header's lines, where GCC does not report that. */\n");
	sb_addf(em->out, "# %u \"", line);
	add_escaped(em->out, fname);
	sb_adds(em->out, "\" 3\n");
	free(cur_name);
	cur_name = xstrdup(fname);
	em->cur_line = line;
}

static void end_system_lines(struct emitter *em)
{
	sb_addf(em->out, "# %u \"", em->cur_line);
	add_escaped(em->out, cur_name);
	sb_adds(em->out, "\"\n");
}

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path), *d = xstrdup(dirname(copy));

	free(copy);
	return d;
}

/* Is spelled found as dir/spelled for one of the -I/-iquote directories? */
static bool found_in_search_path(const struct strlist *args, const char *spelled,
				 const char *header)
{
	for (size_t i = 0; args && i < args->n; i++) {
		const char *a = args->v[i], *dir = NULL;
		char *path;
		bool found;

		if ((!strcmp(a, "-I") || !strcmp(a, "-iquote")) && i + 1 < args->n)
			dir = args->v[++i];
		else if (!strncmp(a, "-I", 2))
			dir = a + 2;
		if (!dir)
			continue;
		path = xasprintf("%s/%s", dir, spelled);
		found = same_file(path, header);
		free(path);
		if (found)
			return true;
	}
	return false;
}

/*
 * A quoted include found next to its includer may not be found next to
 * lp.c: then it is written with its absolute path (original in a comment).
 */
static char *include_line(struct emitter *em, int file)
{
	const struct kfile *kf = &em->m->files[file];
	const char *q = strchr(kf->directive, '"'), *q2 = q ? strchr(q + 1, '"') : NULL;
	char *spelled, *from_out, *odir, *line, real[PATH_MAX];
	bool keep;

	if (!q || !q2 || !realpath(kf->name, real))
		return xstrdup(kf->directive);
	spelled = xstrndup(q + 1, (size_t)(q2 - q - 1));
	odir = dir_of(em->req->outfile);
	from_out = xasprintf("%s/%s", odir, spelled);
	keep = spelled[0] == '/' || same_file(from_out, kf->name) ||
	       found_in_search_path(em->req->args, spelled, kf->name);
	if (!keep && strpbrk(real, "\"\n\r")) {
		/* no way to spell that path in an #include */
		diag_warning("%s: cannot write its path in an #include; kept as %s", real, q);
		keep = true;
	}
	if (keep)
		line = xstrdup(kf->directive);
	else
		line = xasprintf("#include \"%s\" /* %s */", real, q);
	free(spelled);
	free(odir);
	free(from_out);
	return line;
}

/* The operand of "#include OPERAND" in a directive line, or NULL. */
static const char *include_operand(const char *directive)
{
	const char *p = strchr(directive, '#');

	if (!p)
		return NULL;
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	while (is_ident_char((unsigned char)*p))
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Is spelled found as dir/spelled for one of the compiler's own directories? */
static bool found_in_sys_dirs(const struct strlist *dirs, const char *spelled, const char *real)
{
	for (size_t i = 0; dirs && i < dirs->n; i++) {
		char *path = xasprintf("%s/%s", dirs->v[i], spelled);
		bool found = same_file(path, real);

		free(path);
		if (found)
			return true;
	}
	return false;
}

/*
 * "#include MACRO": lp.c names the header it resolved to, by the shortest
 * tail of its path found next to lp.c or in a -I directory ("tail"), or in
 * the compiler's directories (<tail>), else by its absolute path (the
 * macros need not exist in lp.c).
 */
static char *computed_include_line(struct emitter *em, int file, const char *operand)
{
	const struct kfile *kf = &em->m->files[file];
	char real[PATH_MAX], *odir, *line;
	const char *spelled = NULL;
	struct strbuf sb = { 0 };
	bool angle = false;

	if (!realpath(kf->name, real) || strpbrk(real, "\"\n\r"))
		return xstrdup(kf->directive);
	odir = dir_of(em->req->outfile);
	for (const char *p = real + strlen(real); p > real && !spelled; p--) {
		char *from_out;

		if (p[-1] != '/')
			continue;
		from_out = xasprintf("%s/%s", odir, p);
		if (same_file(from_out, real) || found_in_search_path(em->req->args, p, real))
			spelled = p;
		else if (found_in_sys_dirs(em->req->sys_dirs, p, real))
			spelled = p, angle = true;
		free(from_out);
	}
	free(odir);
	sb_addf(&sb, angle ? "#include <%s> /* " : "#include \"%s\" /* ",
		spelled ? spelled : real);
	add_comment_safe(&sb, operand);
	sb_adds(&sb, " */");
	line = xstrdup(sb.buf);
	sb_release(&sb);
	return line;
}

/* The #include line lp.c writes for file. */
static char *include_directive(struct emitter *em, int file)
{
	const char *op = include_operand(em->m->files[file].directive);

	return op && *op != '"' && *op != '<' ? computed_include_line(em, file, op) :
	       include_line(em, file);
}

static void emit_include(struct emitter *em, int file)
{
	char *line = include_directive(em, file);

	add_line(em, line);
	free(line);
}

/* The file the unit's file #includes with this directive text, or -1. */
static int included_by_directive(const struct model *m, int includer, const char *line, size_t n)
{
	for (size_t f = 0; f < m->n_files; f++)
		if (m->files[f].includer == includer && m->files[f].directive &&
		    strlen(m->files[f].directive) == n && !memcmp(m->files[f].directive, line, n))
			return (int)f;
	return -1;
}

/*
 * An #include inside a copied unit (enum {\n#include "features.h"\n ...})
 * stays in the unit's text: spelled as lp.c can find it, as a top-level one
 * (each of its lines, for a file included twice is one file of the model).
 */
static void fix_inner_includes(struct emitter *em, int unit, struct strbuf *text)
{
	int file = em->m->units[unit].file;
	struct strbuf sb = { 0 };
	const char *p = text->buf;
	bool changed = false;

	while (p && *p) {
		const char *eol = strchr(p, '\n'), *q = p;
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		int f;

		while (*q == ' ' || *q == '\t')
			q++;
		f = *q == '#' ? included_by_directive(em->m, file, p, n) : -1;
		if (f >= 0) {
			char *line = include_directive(em, f);

			changed |= strlen(line) != n || memcmp(line, p, n);
			sb_adds(&sb, line);
			free(line);
		} else {
			sb_addn(&sb, p, n);
		}
		if (eol)
			sb_addc(&sb, '\n');
		p = eol ? eol + 1 : p + n;
	}
	if (changed) {
		sb_release(text);
		*text = sb;
	} else {
		sb_release(&sb);
	}
}

/* End of the logical line at off: backslash-continued lines included. */
static unsigned line_end_of(const struct kfile *kf, unsigned off)
{
	for (;;) {
		unsigned end = off;

		while (end < kf->len && kf->text[end] != '\n')
			end++;
		off = end;
		while (off > 0 && kf->text[off - 1] == '\r')
			off--;
		if (end >= kf->len || off == 0 || kf->text[off - 1] != '\\')
			return end;
		off = end + 1;
	}
}

static int renamed_entity(struct model *m, const char *t, size_t n)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (!e->local_static && (e->new_name || e->pointer) && strlen(e->name) == n &&
		    !memcmp(e->name, t, n))
			return (int)i;
	}
	return -1;
}

/* A re-emitted macro body refers to renamed symbols by their new names. */
static void add_macro_text(struct emitter *em, const char *text, size_t start, size_t body,
			   size_t end)
{
	size_t pos = body, is, n, done = start;

	while (lex_next_ident(text, end, &pos, &is, &n)) {
		int idx = renamed_entity(em->m, text + is, n);
		char *rep;

		if (idx < 0)
			continue;
		rep = reference_text(&em->m->ents[macro_reference_entity(em->m, idx)]);
		if (!rep)
			continue;
		add_text(em, text + done, is - done);
		add_text(em, rep, strlen(rep));
		free(rep);
		done = is + n;
	}
	add_text(em, text + done, end - done);
}

/* A redefinition of macro name from rewrite.c ("#define NAME..."), renamed like the original. */
static void add_redefinition(struct emitter *em, const char *name, const char *def)
{
	add_macro_text(em, def, 0, strlen("#define ") + strlen(name), strlen(def));
}

/* Offset of the opening of a comment still open at end, or end itself. */
static unsigned open_comment(const struct kfile *kf, unsigned start, unsigned end)
{
	for (unsigned i = start; i < end; i++) {
		size_t past = lex_skip(kf->text, kf->len, i);

		if (past == i)
			continue;
		if (kf->text[i] == '/' && kf->text[i + 1] == '*' && past > end)
			return i;
		i = (unsigned)past - 1;
	}
	return end;
}

/*
 * The lines of a macro definition, cut where its last line opens a comment
 * that goes on over the next lines: GCC would see the rest of it as code.
 */
static unsigned macro_text_end(const struct kfile *kf, unsigned start, unsigned end)
{
	unsigned open = open_comment(kf, start, end);

	while (open > start && (kf->text[open - 1] == ' ' || kf->text[open - 1] == '\t'))
		open--;
	return open;
}

static void emit_macro(struct emitter *em, int idx)
{
	const struct macro_def *md = &em->m->macros[idx];
	const struct kfile *kf = &em->m->files[md->file];
	unsigned start = line_start_of(kf, md->start),
		 end = macro_text_end(kf, start, line_end_of(kf, model_macro_end(em->m, md)));
	const char *replacement = em->replaced[idx];
	/* a definition --patch changed in a header lp.c #includes unpatched */
	bool redefined = kf->provider_done && kf->provider != PROVIDER_NONE;

	for (size_t i = 0; i < em->n_defined && !redefined; i++)
		redefined = !strcmp(em->defined_macros[i], md->name);
	if (redefined) {
		sb_addf(em->out, "#undef %s\n", md->name);
		em->cur_line++;
	}
	*ARRAY_PUSH(em->defined_macros, em->n_defined, em->cap_defined) = md->name;
	sync_line(em, md->file, start);
	if (replacement) {
		add_redefinition(em, md->name, replacement);
		return;
	}
	add_macro_text(em, kf->text, start, md->start + strlen(md->name), end);
	add_text(em, "\n", 1);
}

static void emit_undef(struct emitter *em, int file, int idx)
{
	const struct kfile *kf = &em->m->files[file];
	const struct directive *d = &model_directives(em->m, file)->v[idx];

	sb_addf(em->out, "#undef %.*s\n", (int)d->arg_len, kf->text + d->arg);
	em->cur_line++;
}

static void emit_pragma(struct emitter *em, int file, int idx)
{
	const struct kfile *kf = &em->m->files[file];
	const struct directive *d = &model_directives(em->m, file)->v[idx];
	char *line = xstrndup(kf->text + d->start, d->end - d->start);

	add_line(em, line);
	free(line);
}

static void emit_forward(struct emitter *em, int idx)
{
	CXCursor c = em->m->fwd[idx].cursor;
	CXString s = clang_getCursorSpelling(c);
	const char *kw = clang_getCursorKind(c) == CXCursor_UnionDecl ? "union" : "struct";
	char *line = xasprintf("%s %s;", kw, clang_getCString(s));

	add_line(em, line);
	free(line);
	clang_disposeString(s);
}

static int emit_decl(struct emitter *em, int idx)
{
	struct strbuf sb = { 0 };
	int rc = externalized_declaration(em->m, &em->m->ents[idx], &sb);

	if (!rc)
		add_line(em, sb.buf);
	sb_release(&sb);
	return rc;
}

static int emit_prototype(struct emitter *em, int idx)
{
	struct strbuf sb = { 0 };
	int rc = patched_prototype(em->m, &em->m->ents[idx], &sb);

	if (!rc)
		add_line(em, sb.buf);
	sb_release(&sb);
	return rc;
}

/*
 * A livepatch must not export or register: silence EXPORT_SYMBOL* and
 * ALLOW_ERROR_INJECTION inside copied macros.
 */
static void exports_off(struct emitter *em, const struct strlist *exports)
{
	for (size_t i = 0; i < exports->n; i++) {
		char *t = xasprintf("#pragma push_macro(\"%s\")\n#undef %s\n#define %s(...)\n",
				    exports->v[i], exports->v[i], exports->v[i]);

		add_text(em, t, strlen(t));
		free(t);
	}
}

static void exports_on(struct emitter *em, const struct strlist *exports)
{
	for (size_t i = 0; i < exports->n; i++) {
		char *t = xasprintf("#pragma pop_macro(\"%s\")\n", exports->v[i]);

		add_text(em, t, strlen(t));
		free(t);
	}
}

/*
 * names, see rewrite_unit(): "OLD NEW" renames OLD to NEW for the unit with a
 * #define; "OLD = ALIAS" keeps OLD and adds a global alias ALIAS of it;
 * "OLD @ ALIAS" declares ALIAS as another name of the running OLD.
 */
static void name_macros(struct emitter *em, const struct strlist *names, bool define)
{
	for (size_t i = 0; i < names->n; i++) {
		const char *old = names->v[i], *sp = strchr(old, ' ');
		int old_len = (int)(sp - old);
		bool alias = !strncmp(sp, " = ", 3), other = !strncmp(sp, " @ ", 3);
		char *t;

		if ((alias && define) || (other && !define))
			continue;
		if (other)
			t = xasprintf("extern __typeof__(%.*s) %s __asm__(\"%.*s\");\n",
				      old_len, old, sp + 3, old_len, old);
		else if (alias)
			t = xasprintf("extern __typeof__(%.*s) %s __attribute__((__alias__(\"%.*s\")));\n",
				      old_len, old, sp + 3, old_len, old);
		else if (define)
			t = xasprintf("#define %.*s %s\n", old_len, old, sp + 1);
		else
			t = xasprintf("#undef %.*s\n", old_len, old);
		add_text(em, t, strlen(t));
		free(t);
	}
}

/* overrides, see rewrite_unit(): pairs NAME, "#define NAME..." for the unit. */
static void override_macros(struct emitter *em, const struct strlist *overrides, bool on)
{
	for (size_t i = 0; i + 1 < overrides->n; i += 2) {
		int idx = model_macro_first(em->m, overrides->v[i]);
		char *t;

		if (idx >= 0 && em->replaced[idx])
			continue;	/* written as its only definition */
		t = on ? xasprintf("#pragma push_macro(\"%s\")\n#undef %s\n",
				   overrides->v[i], overrides->v[i]) :
			 xasprintf("#pragma pop_macro(\"%s\")\n", overrides->v[i]);
		add_text(em, t, strlen(t));
		free(t);
		if (on)
			add_redefinition(em, overrides->v[i], overrides->v[i + 1]);
	}
}

/*
 * A unit starting inside a conditional group and leaving it (or ending in a
 * group it opened) gets the skeleton of those groups around it, so its
 * #elif/#else/#endif lines balance and choose what they chose.
 */
static void cut_groups_before(struct emitter *em, const struct unit *u, struct cond_cut *cut)
{
	const struct kfile *kf = &em->m->files[u->file];
	const struct directives *d = model_directives(em->m, u->file);

	directives_cut(d, u->start, u->end, cut);
	for (size_t i = 0; i < cut->n_open; i++) {
		const struct directive *dv = &d->v[cut->open[i]];

		add_text(em, kf->text + dv->start, dv->end - dv->start);
		add_text(em, "\n", 1);
	}
}

static void cut_groups_after(struct emitter *em, const struct cond_cut *cut)
{
	for (unsigned i = 0; i < cut->n_close; i++)
		add_line(em, "#endif");
}

/*
 * Per unit: does it define a function declared inline that lp.c declares
 * noinline (out_of_line.c)? The kernel's inline carries gnu_inline, which
 * GCC drops for noinline with a -Wattributes warning (an error under
 * -Werror); for a static function gnu_inline means nothing. And the one
 * function each unit defines (see renamed_function_of()). Built once: a
 * scan of every entity per copied unit cost more than the unit's text.
 */
static void index_units(struct emitter *em)
{
	const struct model *m = em->m;

	em->unit_function = xmalloc((m->n_units + 1) * sizeof(*em->unit_function));
	em->unit_quiet = xcalloc(m->n_units + 1, sizeof(*em->unit_quiet));
	for (size_t u = 0; u < m->n_units; u++)
		em->unit_function[u] = -1;
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (e->kind == ENT_FUNCTION && e->def_unit >= 0 && !clang_Cursor_isNull(e->def))
			em->unit_function[e->def_unit] =
				em->unit_function[e->def_unit] == -1 ? (int)i : -2;
		if (!e->noinline || !clang_Cursor_isFunctionInlined(e->def))
			continue;
		for (size_t k = 0; k < e->n_decl_units; k++)
			em->unit_quiet[e->decl_units[k]] = true;
		if (e->def_unit >= 0)
			em->unit_quiet[e->def_unit] = true;
	}
}

static const char *const func_names[] = { "__func__", "__FUNCTION__", "__PRETTY_FUNCTION__" };

struct name_literal {
	const char *name;
	bool found;
};

/* libclang shows __func__ (also from a macro) as the string literal "NAME". */
static enum CXChildVisitResult find_name_literal(CXCursor c, CXCursor parent, CXClientData data)
{
	struct name_literal *nl = data;
	CXString s;
	const char *t;
	size_t n = strlen(nl->name);

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_StringLiteral)
		return CXChildVisit_Recurse;
	s = clang_getCursorSpelling(c);
	t = clang_getCString(s);
	nl->found = t && t[0] == '"' && !strncmp(t + 1, nl->name, n) && !strcmp(t + 1 + n, "\"");
	clang_disposeString(s);
	return nl->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Are __func__ & co. written in the function's own text? (libclang does not
 * visit every expression: sizeof(__func__) has no literal child.) */
static bool writes_func_name(CXCursor def)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(def);
	CXToken *toks = NULL;
	unsigned n = 0;
	bool found = false;

	clang_tokenize(tu, clang_getCursorExtent(def), &toks, &n);
	for (unsigned i = 0; i < n && !found; i++) {
		CXString s;

		if (clang_getTokenKind(toks[i]) != CXToken_Identifier &&
		    clang_getTokenKind(toks[i]) != CXToken_Keyword)
			continue;
		s = clang_getTokenSpelling(tu, toks[i]);
		for (size_t k = 0; k < sizeof(func_names) / sizeof(func_names[0]); k++)
			found |= !strcmp(clang_getCString(s), func_names[k]);
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return found;
}

/* Does the function's body name itself through __func__ (or say its name),
 * also through macros? */
static bool says_its_name(const struct entity *e)
{
	struct name_literal nl = { e->name, false };

	if (writes_func_name(e->def))
		return true;
	clang_visitChildren(e->def, find_name_literal, &nl);
	return nl.found;
}

/*
 * The one function a unit defines when lp.c renames it (klpp_f, klpr_g),
 * else NULL. Its __func__ must stay the original name: messages, WARN and
 * dynamic-debug sites ("func f") name the function as the original did.
 */
static const struct entity *renamed_function_of(const struct emitter *em, int unit)
{
	int f = em->unit_function[unit];
	const struct entity *found = f >= 0 ? &em->m->ents[f] : NULL;

	return found && found->new_name && strcmp(found->new_name, found->name) &&
	       says_its_name(found) ? found : NULL;
}

static void original_func_name(struct emitter *em, const struct entity *e, bool define)
{
	for (size_t i = 0; e && i < sizeof(func_names) / sizeof(func_names[0]); i++) {
		char *t = define ? xasprintf("#define %s \"%s\"\n", func_names[i], e->name) :
				   xasprintf("#undef %s\n", func_names[i]);

		add_text(em, t, strlen(t));
		free(t);
	}
}

static int emit_unit(struct emitter *em, int unit)
{
	const struct entity *renamed = renamed_function_of(em, unit);
	const struct unit *u = &em->m->units[unit];
	struct unit_out *uo = &em->uo[unit];
	struct strlist exports = { 0 };
	struct cond_cut cut = { 0 };
	bool quiet = em->unit_quiet[unit];
	bool sys = em->unit_function[unit] >= 0 &&
		   inline_body_names_static(&em->m->ents[em->unit_function[unit]]);
	static const char push[] = "#pragma GCC diagnostic push\n"
				   "#pragma GCC diagnostic ignored \"-Wattributes\"\n";
	static const char pop[] = "#pragma GCC diagnostic pop\n";
	struct counter_sites *cs = em->req->counter;

	if (cs && counter_unit_uses_value(em->m, unit))
		*ARRAY_PUSH(cs->v, cs->n, cs->cap) = (struct counter_site){ unit, em->out->len };
	export_macros_of_unit(em->m, unit, &exports);
	exports_off(em, &exports);
	override_macros(em, &uo->overrides, true);
	name_macros(em, &uo->names, true);
	original_func_name(em, renamed, true);
	cut_groups_before(em, u, &cut);
	if (quiet)
		add_text(em, push, strlen(push));
	if (sys)
		system_lines(em, u->file, u->start);
	else
		sync_line(em, u->file, u->start);
	add_text(em, uo->text.buf ? uo->text.buf : "", uo->text.len);
	add_text(em, "\n", 1);
	if (sys)
		end_system_lines(em);
	if (quiet)
		add_text(em, pop, strlen(pop));
	cut_groups_after(em, &cut);
	cond_cut_release(&cut);
	original_func_name(em, renamed, false);
	name_macros(em, &uo->names, false);
	override_macros(em, &uo->overrides, false);
	exports_on(em, &exports);
	strlist_release(&exports);
	return 0;
}

/* Does a copied unit or a re-emitted macro use macro idx other than as overridden? */
static bool used_unchanged(struct emitter *em, int idx, const char *def)
{
	struct model *m = em->m;
	const char *name = m->macros[idx].name;

	for (size_t i = 0; i < m->n_units; i++) {
		const struct unit *u = &m->units[i];
		const struct file_uses *fu = &m->uses[u->file];
		const struct strlist *ov = &em->uo[i].overrides;
		bool same = false;

		if (!u->copy)
			continue;
		for (size_t k = 0; k + 1 < ov->n; k += 2)
			same |= !strcmp(ov->v[k], name) && !strcmp(ov->v[k + 1], def);
		for (size_t k = 0; k < fu->n && !same; k++)
			if (fu->v[k].offset >= u->start && fu->v[k].offset < u->end &&
			    model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[k].cursor)) == idx)
				return true;
	}
	for (size_t i = 0; i < m->n_macros; i++) {
		const struct macro_def *md = &m->macros[i];
		const struct kfile *kf;
		size_t pos, is, n, end;

		if (!md->needed || (int)i == idx || md->file < 0)
			continue;
		kf = &m->files[md->file];
		end = model_macro_end(m, md) + 1 <= kf->len ? model_macro_end(m, md) + 1 : kf->len;
		pos = md->start;
		while (lex_next_ident(kf->text, end, &pos, &is, &n))
			if (n == strlen(name) && !memcmp(kf->text + is, name, n))
				return true;
	}
	return false;
}

/*
 * A re-emitted macro that every copied use redefines the same way (the
 * macro invocation defining a patched function and externalized state) is
 * written once, redefined, instead of twice.
 */
static void find_replaced(struct emitter *em)
{
	struct model *m = em->m;

	for (size_t i = 0; i < m->n_units; i++) {
		const struct strlist *ov = &em->uo[i].overrides;

		if (!em->rewritten[i])
			continue;
		for (size_t k = 0; k + 1 < ov->n; k += 2) {
			int idx = model_macro_first(m, ov->v[k]);

			if (idx < 0 || m->macros[idx].next_same_name >= 0 || !m->macros[idx].needed ||
			    em->replaced[idx] || used_unchanged(em, idx, ov->v[k + 1]))
				continue;
			em->replaced[idx] = ov->v[k + 1];
		}
	}
}

static int rewrite_all(struct emitter *em, const struct items *it)
{
	struct strlist renamed = { 0 };
	int rc = 0;

	plan_renamed_names(em->m, &renamed);
	for (size_t i = 0; i < it->n && !rc; i++) {
		struct unit_out *uo;

		if (it->v[i].kind != ITEM_UNIT)
			continue;
		uo = &em->uo[it->v[i].ref];
		em->rewritten[it->v[i].ref] = true;
		rc = rewrite_unit(em->m, it->v[i].ref, &renamed, &uo->text, &uo->names,
				  &uo->overrides);
		if (!rc)
			fix_inner_includes(em, it->v[i].ref, &uo->text);
	}
	strlist_release(&renamed);
	if (rc)
		return -1;
	find_replaced(em);
	return 0;
}

static void release_rewrites(struct emitter *em)
{
	for (size_t i = 0; i < em->m->n_units; i++) {
		if (!em->rewritten[i])
			continue;
		sb_release(&em->uo[i].text);
		strlist_release(&em->uo[i].names);
		strlist_release(&em->uo[i].overrides);
	}
	free(em->uo);
	free(em->rewritten);
	free(em->replaced);
}

static int emit_item(struct emitter *em, const struct item *it)
{
	switch (it->kind) {
	case ITEM_INCLUDE:
		emit_include(em, it->ref);
		return 0;
	case ITEM_MACRO:
		emit_macro(em, it->ref);
		return 0;
	case ITEM_UNDEF:
		emit_undef(em, it->file, it->ref);
		return 0;
	case ITEM_PRAGMA:
		emit_pragma(em, it->file, it->ref);
		return 0;
	case ITEM_FWD:
		emit_forward(em, it->ref);
		return 0;
	case ITEM_DECL:
		return emit_decl(em, it->ref);
	case ITEM_PROTO:
		return emit_prototype(em, it->ref);
	case ITEM_UNIT:
		return emit_unit(em, it->ref);
	}
	return 0;
}

/*
 * __BASE_FILE__ names the file GCC compiles: lp.c, where the original named
 * its .c file. When any file read uses it, lp.c defines it as the original
 * (a built-in macro: its redefinition warning is silenced; never undefined,
 * the whole of lp.c stands for the original unit).
 */
static void base_file(struct emitter *em)
{
	bool used = false;

	for (size_t i = 0; i < em->m->n_files && !used; i++)
		used = em->m->files[i].text &&
		       memmem(em->m->files[i].text, em->m->files[i].len, "__BASE_FILE__", 13);
	if (!used)
		return;
	sb_adds(em->out, "#pragma GCC diagnostic push\n"
			 "#pragma GCC diagnostic ignored \"-Wbuiltin-macro-redefined\"\n"
			 "#define __BASE_FILE__ \"");
	add_escaped(em->out, em->req->input);
	sb_adds(em->out, "\"\n#pragma GCC diagnostic pop\n");
}

static void emit_banner(struct emitter *em)
{
	sb_addf(em->out, "/* klp-ccp %s: livepatch for ", KLP_CCP_VERSION);
	add_comment_safe(em->out, em->req->input);
	sb_adds(em->out, "; patched:");
	for (size_t i = 0; i < em->m->n_ents; i++)
		if (em->m->ents[i].decision == DEC_PATCHED)
			sb_addf(em->out, " %s", em->m->ents[i].name);
	sb_adds(em->out, " */\n");
	base_file(em);
}

int emit_build(struct model *m, const struct emit_request *req, struct strbuf *out)
{
	struct emitter em = { .m = m, .req = req, .out = out, .cur_file = -1 };
	struct items it = { 0 };
	int rc = 0;

	collect_items(m, &it);
	sort_model = m;
	if (it.n > 1)
		qsort(it.v, it.n, sizeof(*it.v), cmp_item);
	em.uo = xcalloc(m->n_units + 1, sizeof(*em.uo));
	em.rewritten = xcalloc(m->n_units + 1, sizeof(*em.rewritten));
	em.replaced = xcalloc(m->n_macros + 1, sizeof(*em.replaced));
	index_units(&em);
	rc = rewrite_all(&em, &it);
	if (!rc) {
		char *early = out_of_line_early_decls(m);

		emit_banner(&em);
		add_text(&em, early, strlen(early));
		free(early);
	}
	for (size_t i = 0; i < it.n && !rc; i++)
		rc = emit_item(&em, &it.v[i]);
	if (!rc) {
		char *callers = split_callers_text(m);

		add_text(&em, callers, strlen(callers));
		free(callers);
	}
	release_rewrites(&em);
	free(it.v);
	free(em.defined_macros);
	free(em.unit_function);
	free(em.unit_quiet);
	free(cur_name);
	cur_name = NULL;
	return rc;
}
