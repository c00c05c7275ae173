/*
 * --patch and headers: keeping lp.c from #including a header the patch
 * changes, and naming the other units that include it.
 */
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/kbuild_cmd.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/patch_mode.h"

/* More units than this are counted, not named: a note stays readable. */
#define MAX_NAMED_UNITS 40

static bool is_patched(const struct patch_plan *plan, const char *name)
{
	for (size_t i = 0; i < plan->headers.n; i++)
		if (same_file(name, plan->headers.v[i]))
			return true;
	return false;
}

/* ---- changed text of headers lp.c #includes unpatched ---- */

enum { REACH_UNKNOWN, REACH_BUSY, REACH_NO, REACH_YES };

/* For the one model of the run (the closure asks through patch_changes_*()). */
static struct {
	struct model *m;
	bool *unit_changed, *macro_changed;
	unsigned char *unit_reach, *macro_reach;
	struct strmap functions;	/* name -> entity defined in a header */
} changes;

/* Byte offset of line (from 1) in kf's text; the end for lines past it. */
static unsigned line_offset(const struct kfile *kf, unsigned line)
{
	size_t off = 0;

	while (--line > 0 && off < kf->len) {
		const char *nl = memchr(kf->text + off, '\n', kf->len - off);

		off = nl ? (size_t)(nl - kf->text) + 1 : kf->len;
	}
	return (unsigned)off;
}

/* A span as bytes of the patched text: [a, b), or a deletion at a when a == b. */
struct byte_span {
	unsigned a, b;
};

static struct byte_span *byte_spans(const struct kfile *kf, const struct nested_header *nh)
{
	struct byte_span *bs = xmalloc((nh->n_spans + 1) * sizeof(*bs));

	for (size_t i = 0; i < nh->n_spans; i++) {
		const struct line_span *sp = &nh->spans[i];

		bs[i].a = line_offset(kf, sp->first);
		bs[i].b = sp->last >= sp->first ? line_offset(kf, sp->last + 1) : bs[i].a;
	}
	return bs;
}

/* Does a span hit [start, end)? A deletion must fall strictly inside. */
static bool changed_by(const struct byte_span *bs, size_t n, unsigned start, unsigned end)
{
	for (size_t i = 0; i < n; i++) {
		if (bs[i].b > bs[i].a ? start < bs[i].b && bs[i].a < end :
					start < bs[i].a && bs[i].a < end)
			return true;
	}
	return false;
}

static const char *kind_of(CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_FunctionDecl:
		return "a function with external linkage";
	case CXCursor_VarDecl:
		return "an object";
	case CXCursor_TypedefDecl:
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_EnumDecl:
		return "a type";
	default:
		return "a declaration";
	}
}

/* What lp.c can redo under a new name: static functions (and macros). */
static bool copyable(CXCursor c)
{
	return clang_getCursorKind(c) == CXCursor_FunctionDecl &&
	       clang_getCursorLinkage(c) == CXLinkage_Internal;
}

static int refuse_unit(struct model *m, const struct patch_plan *plan,
		       const struct nested_header *nh, int unit)
{
	const struct unit *u = &m->units[unit];

	for (size_t i = 0; i < u->n_cursors; i++) {
		CXString s;
		const char *name;
		char *what;

		if (copyable(u->cursors[i]))
			continue;
		s = clang_getCursorSpelling(u->cursors[i]);
		name = clang_getCString(s);
		/* libclang names anonymous tags "(unnamed enum at FILE:L:C)" */
		if (*name && !strpbrk(name, " ("))
			what = xasprintf("'%s', %s", name, kind_of(u->cursors[i]));
		else
			what = xstrdup(kind_of(u->cursors[i]));
		clang_disposeString(s);
		diag_error_at(nh->path, model_line_of(m, u->file, u->start), 0,
			      "the patch changes %s in this header, which %s reads through '%s', so lp.c #includes it unpatched: only static functions and macros changed there can be copied into lp.c under new names",
			      what, plan->source, nh->includer);
		free(what);
		return -1;
	}
	return 0;
}

static int mark_changes(struct model *m, const struct patch_plan *plan,
			const struct nested_header *nh, int file)
{
	const struct kfile *kf = &m->files[file];
	struct byte_span *bs;
	int rc = 0;

	for (size_t i = 0; i < nh->n_spans; i++) {
		if (!nh->spans[i].directive)
			continue;
		diag_error_at(nh->path, nh->spans[i].first, 0,
			      "the patch changes a preprocessor directive in this header, which %s reads through '%s', so lp.c #includes it unpatched: only static functions and macros changed there can be copied into lp.c under new names",
			      plan->source, nh->includer);
		return -1;
	}
	bs = byte_spans(kf, nh);
	for (size_t i = 0; i < kf->n_units && !rc; i++) {
		int unit = kf->units[i];

		if (!changed_by(bs, nh->n_spans, m->units[unit].start, m->units[unit].end))
			continue;
		rc = refuse_unit(m, plan, nh, unit);
		changes.unit_changed[unit] = true;
	}
	for (size_t i = 0; i < m->n_macros && !rc; i++) {
		const struct macro_def *md = &m->macros[i];
		unsigned start = md->start;

		if (md->file != file)
			continue;
		while (start > 0 && kf->text[start - 1] != '\n')
			start--;
		changes.macro_changed[i] = changed_by(bs, nh->n_spans, start, model_macro_end(m, md) + 1);
	}
	free(bs);
	return rc;
}

static void changes_init(struct model *m)
{
	changes.m = m;
	changes.unit_changed = xcalloc(m->n_units + 1, sizeof(bool));
	changes.unit_reach = xcalloc(m->n_units + 1, 1);
	changes.macro_changed = xcalloc(m->n_macros + 1, sizeof(bool));
	changes.macro_reach = xcalloc(m->n_macros + 1, 1);
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (e->kind == ENT_FUNCTION && e->def_unit >= 0 &&
		    m->units[e->def_unit].file != m->main_file)
			strmap_put(&changes.functions, e->name, (int)i);
	}
}

void patch_changes_release(void)
{
	free(changes.unit_changed);
	free(changes.unit_reach);
	free(changes.macro_changed);
	free(changes.macro_reach);
	strmap_release(&changes.functions);
	memset(&changes, 0, sizeof(changes));
}

static bool reach_unit(struct model *m, int unit);
static bool reach_macro(struct model *m, int macro);

/*
 * Does text use (through header functions and macros, by name: cheap, and
 * copying one function too many is harmless) something the patch changed?
 */
static bool text_reaches(struct model *m, int file, unsigned start, unsigned end, int self)
{
	const struct kfile *kf = &m->files[file];
	size_t pos = start;
	char name[256];

	if (end > kf->len)
		end = (unsigned)kf->len;
	while (lex_next_name(kf->text, end, &pos, name, sizeof(name))) {
		int f;

		f = strmap_get(&changes.functions, name);
		if (f >= 0 && m->ents[f].def_unit != self && reach_unit(m, m->ents[f].def_unit))
			return true;
		for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name)
			if (reach_macro(m, i))
				return true;
	}
	return false;
}

/* A cycle (recursive inlines, self-referring macros) is cut where it closes. */
static bool reach_unit(struct model *m, int unit)
{
	const struct unit *u = &m->units[unit];
	bool yes;

	if (changes.unit_changed[unit])
		return true;
	if (changes.unit_reach[unit] != REACH_UNKNOWN)
		return changes.unit_reach[unit] == REACH_YES;
	changes.unit_reach[unit] = REACH_BUSY;
	yes = text_reaches(m, u->file, u->start, u->end, unit);
	changes.unit_reach[unit] = yes ? REACH_YES : REACH_NO;
	return yes;
}

static bool reach_macro(struct model *m, int macro)
{
	const struct macro_def *md = &m->macros[macro];
	bool yes;

	if (changes.macro_changed[macro])
		return true;
	if (md->file < 0 || changes.macro_reach[macro] != REACH_UNKNOWN)
		return changes.macro_reach[macro] == REACH_YES;
	changes.macro_reach[macro] = REACH_BUSY;
	yes = text_reaches(m, md->file, md->start + (unsigned)strlen(md->name), model_macro_end(m, md) + 1, -1);
	changes.macro_reach[macro] = yes ? REACH_YES : REACH_NO;
	return yes;
}

bool patch_changes_unit(struct model *m, int unit)
{
	return changes.m == m && unit >= 0 && reach_unit(m, unit);
}

bool patch_changes_macro(struct model *m, int macro)
{
	return changes.m == m && macro >= 0 && changes.macro_changed[macro];
}

static const struct nested_header *nested_of(const struct patch_plan *plan, const char *name)
{
	for (size_t i = 0; i < plan->n_nested; i++)
		if (same_file(name, plan->nested[i].path))
			return &plan->nested[i];
	return NULL;
}

/*
 * The livepatch is built against the unpatched tree, so an #include of a
 * patched header would bring back the old code: what lp.c needs from it is
 * copied from the patched text instead. A header read through another one
 * still comes with that one: what the patch changes in it is found here,
 * for the closure to copy under new names.
 */
int patch_mode_mark_headers(const struct patch_plan *plan, struct model *m)
{
	const struct nested_header *nh;

	if (plan->n_nested)
		changes_init(m);
	for (size_t i = 0; i < m->n_files; i++) {
		struct kfile *kf = &m->files[i];

		if ((kf->role != FILE_HEADER && kf->role != FILE_PRE_INCLUDE) ||
		    !is_patched(plan, kf->name))
			continue;
		kf->eligible = 0;
		nh = kf->role == FILE_HEADER ? nested_of(plan, kf->name) : NULL;
		if (nh && mark_changes(m, plan, nh, (int)i))
			return -1;
	}
	return 0;
}

/* ---- other units: kbuild's .NAME.o.cmd files ---- */

/* The object the command line writes (-o, or GCC's default name). */
static char *object_of(const struct gcc_cmdline *cl)
{
	const char *base;
	char *obj, *dot;

	for (size_t i = 0; i + 1 < cl->args.n; i++)
		if (!strcmp(cl->args.v[i], "-o"))
			return xstrdup(cl->args.v[i + 1]);
	base = strrchr(cl->input, '/');
	obj = xstrdup(base ? base + 1 : cl->input);
	dot = strrchr(obj, '.');
	if (dot)
		strcpy(dot, ".o");
	return obj;
}

/* The line of text starting with key, or NULL. */
static const char *line_with(const char *text, const char *key)
{
	const char *p = text;
	size_t n = strlen(key);

	for (; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, n))
			return p;
	return NULL;
}

/* "source_OBJ := SOURCE": SOURCE; "deps_OBJ := ...": OBJ. */
static char *value_of(const char *line)
{
	const char *v = strstr(line, " := ");
	const char *eol = line + strcspn(line, "\n");

	if (!v || v > eol)
		return NULL;
	if (!strncmp(line, "deps_", 5))
		return xstrndup(line + 5, (size_t)(v - line - 5));
	v += 4;
	return xstrndup(v, (size_t)(eol - v));
}

/* Does the deps_ section at deps list header (spelled as the patch names it)? */
static bool deps_list(const char *deps, const char *header)
{
	size_t hl = strlen(header);
	const char *p = deps;

	/* the section ends at the first line not continued by a backslash */
	for (const char *eol = p + strcspn(p, "\n"); *eol && eol > p && eol[-1] == '\\';
	     eol = p + strcspn(p, "\n")) {
		const char *w = p = eol + 1;
		size_t len;

		while (*w == ' ' || *w == '\t')
			w++;
		if (!strncmp(w, "./", 2))
			w += 2;
		len = strcspn(w, " \t\\\n");
		if (len == hl && !strncmp(w, header, hl))
			return true;
	}
	return false;
}

/* The source of the unit one .o.cmd file describes, when it read header. */
static char *unit_reading(const char *cmd_file, const char *header)
{
	char *text = read_file(cmd_file, NULL), *unit = NULL;
	const char *deps = text ? line_with(text, "deps_") : NULL;
	const char *src = text ? line_with(text, "source_") : NULL;

	if (deps && strstr(deps, header) && deps_list(deps, header))
		unit = value_of(src ? src : deps);
	free(text);
	return unit;
}

static struct {
	const char *header;
	const char *self;
	struct strlist units;
} walk;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	const char *name = path + ftw->base;
	char *unit;

	if (type == FTW_D && ftw->level && name[0] == '.')
		return FTW_SKIP_SUBTREE;	/* .git, .tmp_* */
	if (type != FTW_F || name[0] != '.' || strlen(name) < 7 ||
	    strcmp(name + strlen(name) - 6, ".o.cmd"))
		return FTW_CONTINUE;
	unit = unit_reading(path, walk.header);
	if (unit && !same_file(unit, walk.self))
		strlist_push(&walk.units, unit[0] == '.' && unit[1] == '/' ? unit + 2 : unit);
	free(unit);
	return FTW_CONTINUE;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void note_units(const char *header, const struct strlist *units)
{
	struct strbuf sb = { 0 };
	size_t n = units->n < MAX_NAMED_UNITS ? units->n : MAX_NAMED_UNITS;

	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", units->v[i]);
	if (units->n > n)
		sb_addf(&sb, " and %zu more", units->n - n);
	if (units->n)
		diag_note("other units including '%s' (from kbuild's .o.cmd files), each needing its own extraction: %s",
			  header, sb.buf);
	else
		diag_note("no other unit includes '%s' (from kbuild's .o.cmd files)", header);
	sb_release(&sb);
}

/*
 * Which other units include header: every kbuild .o.cmd under the build
 * directory (the cwd) lists what its compile read. Without kbuild's files
 * beside this unit's object, only this unit could be checked.
 */
void kbuild_units_including(const char *tree, const char *header, const char *self,
			    struct strlist *units)
{
	memset(&walk, 0, sizeof(walk));
	walk.header = header;
	walk.self = self ? self : "";
	nftw(tree, visit, 32, FTW_PHYS | FTW_ACTIONRETVAL);
	if (walk.units.n)	/* qsort(NULL, 0, ...) is undefined */
		qsort(walk.units.v, walk.units.n, sizeof(char *), by_name);
	*units = walk.units;
}

void patch_units_note(const char *header, const struct gcc_cmdline *cl)
{
	char *obj = object_of(cl), *cmd = kbuild_cmd_path(obj);
	struct strlist units;

	if (access(cmd, R_OK)) {
		diag_note("no kbuild %s beside %s: only this unit was checked for users of '%s'",
			  cmd, obj, header);
	} else {
		kbuild_units_including(".", header, cl->input, &units);
		note_units(header, &units);
		strlist_release(&units);
	}
	free(obj);
	free(cmd);
}
