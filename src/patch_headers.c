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
#include "klp-ccp/patch_mode.h"

/* More units than this are counted, not named: a note stays readable. */
#define MAX_NAMED_UNITS 40

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static bool is_patched(const struct patch_plan *plan, const char *name)
{
	for (size_t i = 0; i < plan->headers.n; i++)
		if (same_file(name, plan->headers.v[i]))
			return true;
	return false;
}

/*
 * The livepatch is built against the unpatched tree, so an #include of a
 * patched header would bring back the old code: what lp.c needs from it is
 * copied from the patched text instead (patch_mode.c has made sure the
 * source includes it itself, not through another header).
 */
void patch_mode_mark_headers(const struct patch_plan *plan, struct model *m)
{
	for (size_t i = 0; i < m->n_files; i++) {
		struct kfile *kf = &m->files[i];

		if ((kf->role == FILE_HEADER || kf->role == FILE_PRE_INCLUDE) &&
		    is_patched(plan, kf->name))
			kf->eligible = 0;
	}
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

/* kbuild keeps "DIR/.NAME.o.cmd" beside "DIR/NAME.o". */
static char *cmd_file_of(const char *obj)
{
	const char *slash = strrchr(obj, '/');

	if (!slash)
		return xasprintf(".%s.cmd", obj);
	return xasprintf("%.*s/.%s.cmd", (int)(slash - obj), obj, slash + 1);
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
void patch_units_note(const char *header, const struct gcc_cmdline *cl)
{
	char *obj = object_of(cl), *cmd = cmd_file_of(obj);

	if (access(cmd, R_OK)) {
		diag_note("no kbuild %s beside %s: only this unit was checked for users of '%s'",
			  cmd, obj, header);
	} else {
		memset(&walk, 0, sizeof(walk));
		walk.header = header;
		walk.self = cl->input;
		nftw(".", visit, 32, FTW_PHYS | FTW_ACTIONRETVAL);
		qsort(walk.units.v, walk.units.n, sizeof(char *), by_name);
		note_units(header, &walk.units);
		strlist_release(&walk.units);
	}
	free(obj);
	free(cmd);
}
