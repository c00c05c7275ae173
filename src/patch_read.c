/*
 * The unified diff reader of --patch (patch_read.h): which files a patch
 * changes and which lines of them, from the text alone.
 */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/patch_read.h"

const char *strip_components(const char *p, int n)
{
	while (n-- > 0) {
		const char *slash = strchr(p, '/');

		if (!slash)
			return NULL;
		p = slash + 1;
	}
	return p;
}

static char *target_of(const char *line)
{
	size_t n = strcspn(line, "\t\r\n");	/* a CRLF patch: GNU patch takes it */

	while (n && line[n - 1] == ' ')
		n--;
	return xstrndup(line, n);
}

/* A diff line of nothing but blanks changes no code. */
static bool blank_line(const char *p)
{
	p += strspn(p + 1, " \t\r") + 1;
	return *p == '\n' || !*p;
}

/* A preprocessor line other than #define: lp.c cannot redo it (#include, #if...). */
static bool directive_line(const char *p)
{
	p += strspn(p + 1, " \t") + 1;
	if (*p++ != '#')
		return false;
	p += strspn(p, " \t");
	return strncmp(p, "define", 6) || is_ident_char((unsigned char)p[6]);
}

/*
 * The patched text's lines a hunk changes: each run of added lines (with the
 * removed ones it replaces) is a span; removed lines not replaced are a
 * deletion just before the next line.
 */
static void note_span(struct patch_file *pf, struct line_span *cur)
{
	if (cur->first)
		*ARRAY_PUSH(pf->spans, pf->n_spans, pf->cap_spans) = *cur;
	memset(cur, 0, sizeof(*cur));
}

static void span_line(struct line_span *cur, const char *p, unsigned new_line)
{
	if (blank_line(p))
		return;
	cur->directive |= directive_line(p);
	if (!cur->first)
		cur->first = new_line, cur->last = new_line - 1;
	if (*p == '+')
		cur->last = new_line;
}

/* Lines of a hunk still to come, from its "@@ -a,b +c,d @@" line. */
static void hunk_counts(const char *p, unsigned *old_left, unsigned *new_left)
{
	if (sscanf(p, "@@ -%*u,%u", old_left) != 1)
		*old_left = 1;
	if (sscanf(p, "@@ -%*s +%*u,%u", new_left) != 1)
		*new_left = 1;
}

static void hunk_line(char c, unsigned *old_left, unsigned *new_left)
{
	if ((c == ' ' || c == '\n' || c == '-') && *old_left)
		(*old_left)--;
	if ((c == ' ' || c == '\n' || c == '+') && *new_left)
		(*new_left)--;
}

/* Original line numbers a hunk removes or inserts before; the spans it changes. */
static void hunk_lines(const char **pos, struct patch_file *pf, struct patch_info *pi)
{
	const char *p = *pos;
	unsigned orig = 0, new_line = 0, old_left, new_left;
	/* hunks of one file move lines cumulatively; each file starts afresh */
	long long shift = pi->n_shifts > pf->first_shift ? pi->shifts[pi->n_shifts - 1] : 0;
	struct line_span cur = { 0 };

	sscanf(p, "@@ -%u", &orig);
	if (sscanf(p, "@@ -%*s +%u", &new_line) != 1 || !new_line)
		new_line = 1;
	/*
	 * By its line counts, as GNU patch reads it: a "--- "/"+++ " line right
	 * after the hunk starts the next file (plain "diff -u" output has no
	 * "diff" line between files); an empty line is an empty context line.
	 */
	hunk_counts(p, &old_left, &new_left);
	p = strchr(p, '\n');
	while (p && *++p && (((old_left || new_left) && strchr(" -+\n", *p)) || *p == '\\')) {
		char c = *p == '\n' ? ' ' : *p;

		if (c == '-' || c == '+')
			strlist_push_owned(&pf->touched, xasprintf("%u", orig));
		if (c == '-' || c == '+')
			span_line(&cur, p, new_line);
		else if (c == ' ')
			note_span(pf, &cur);
		if (c != '\\')
			hunk_line(c, &old_left, &new_left);
		shift += (c == '+') - (c == '-');
		if (c == ' ' || c == '-')
			orig++;
		if (c == ' ' || c == '+')
			new_line++;
		p = *p == '\n' ? p : strchr(p, '\n');
	}
	note_span(pf, &cur);
	*pos = p ? p : *pos + strlen(*pos);
	if (pi->n_shifts < sizeof(pi->shifts) / sizeof(pi->shifts[0]))
		pi->shifts[pi->n_shifts++] = shift;
}

/* The file name of a header line ("--- a/x.c", "diff --git a/x b/y"...), or NULL. */
static const char *name_line(const char *p)
{
	static const char *const heads[] = { "--- ", "+++ ", "Index: ", "diff --git ",
					     "rename from ", "rename to ", "copy from ",
					     "copy to ", NULL };

	for (const char *const *h = heads; *h; h++)
		if (!strncmp(p, *h, strlen(*h)))
			return p + strlen(*h);
	return NULL;
}

/* An absolute name, or one with a ".." component (any of the words of the line). */
static bool unsafe_name(const char *p)
{
	size_t n = strcspn(p, "\r\n");

	while (n && (*p == ' ' || *p == '"' || *p == '\t'))
		p++, n--;
	if (*p == '/')
		return strncmp(p, "/dev/null", 9) != 0;
	for (size_t i = 0; i + 1 < n; i++) {
		bool starts = !i || strchr("/ \t\"", p[i - 1]);
		bool ends = i + 2 >= n || strchr("/ \t\"\r", p[i + 2]);

		if (starts && ends && p[i] == '.' && p[i + 1] == '.')
			return true;
		if (i && p[i] == '/' && strchr(" \t\"", p[i - 1]))	/* "diff --git /x /y" */
			return true;
	}
	return false;
}

static unsigned line_of(const char *text, const char *p)
{
	unsigned line = 1;

	for (; text < p; text++)
		line += *text == '\n';
	return line;
}

/* ---- where the --patch file's lines come from (--patch-origin) ---- */

/* One "K=N" of the spec at *p, advanced past it; false when it is not one. */
static bool origin_pair(const char **p, unsigned long *k, unsigned long *n)
{
	char *end;

	if (!isdigit((unsigned char)**p))
		return false;
	*k = strtoul(*p, &end, 10);
	if (*end != '=' || !isdigit((unsigned char)end[1]))
		return false;
	*n = strtoul(end + 1, &end, 10);
	*p = end;
	return *k >= 1 && *n >= 1 && *k < UINT_MAX && *n < UINT_MAX;
}

int patch_origin_parse(const char *spec, const char *patch, struct patch_origin *o)
{
	const char *p = spec;
	unsigned long k, n;

	memset(o, 0, sizeof(*o));
	o->name = patch;
	if (!spec)
		return 0;
	for (;;) {
		if (!origin_pair(&p, &k, &n) || (o->n ? k <= o->from[o->n - 1] : k != 1)) {
			p = "";	/* not a spec */
			break;
		}
		o->from = xrealloc(o->from, (o->n + 1) * sizeof(*o->from));
		o->to = xrealloc(o->to, (o->n + 1) * sizeof(*o->to));
		o->from[o->n] = (unsigned)k;
		o->to[o->n++] = (unsigned)n;
		if (*p != ',')
			break;
		p++;
	}
	if (*p != ':' || !p[1] || !o->n) {
		diag_error("--patch-origin wants K=N[,K=N...]:PATCH (line K of the --patch file "
			   "and those after it are lines N... of PATCH; K ascending from 1), not '%s' "
			   "(see klp-ccp --help)", spec);
		patch_origin_release(o);
		return -1;
	}
	o->name = p + 1;
	return 0;
}

void patch_origin_release(struct patch_origin *o)
{
	free(o->from);
	free(o->to);
	o->from = o->to = NULL;
	o->n = 0;
}

unsigned patch_origin_line(const struct patch_origin *o, unsigned line)
{
	size_t i = o ? o->n : 0;

	while (i && o->from[i - 1] > line)
		i--;
	return i ? o->to[i - 1] + (line - o->from[i - 1]) : line;
}

/* The hunk's "@@ -a,b +c,d @@" and where it is in the patch. */
static void note_hunk(struct patch_file *pf, unsigned line, const char *p)
{
	struct patch_hunk *h = ARRAY_PUSH(pf->hunks, pf->n_hunks, pf->cap_hunks);
	const char *end = strstr(p + 2, "@@");
	size_t eol = strcspn(p, "\r\n");

	h->line = line;
	h->header = xstrndup(p, end && (size_t)(end - p) < eol ? (size_t)(end + 2 - p) : eol);
}

int patch_read(const char *name, const char *text, struct patch_info *pi)
{
	const char *p = text, *file, *counted = text;
	struct patch_file *cur = NULL;
	unsigned line = 1;	/* of counted */

	while (p && *p) {
		if ((file = name_line(p)) && unsafe_name(file)) {
			diag_error_at(name, patch_origin_line(pi->origin, line_of(text, p)), 0,
				      "the patch names '%.*s': a file outside the current directory (absolute path or '..')",
				      (int)strcspn(file, "\t\r\n"), file);
			return -1;
		}
		if (!strncmp(p, "+++ ", 4)) {
			cur = ARRAY_PUSH(pi->files, pi->n, pi->cap);
			memset(cur, 0, sizeof(*cur));
			cur->path = target_of(p + 4);
			cur->first_shift = pi->n_shifts;
		} else if (!strncmp(p, "@@ -", 4) && cur) {
			line += line_of(counted, p) - 1;	/* counted up to here once */
			counted = p;
			note_hunk(cur, patch_origin_line(pi->origin, line), p);
			hunk_lines(&p, cur, pi);
			continue;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

void patch_info_release(struct patch_info *pi)
{
	for (size_t i = 0; i < pi->n; i++) {
		free(pi->files[i].path);
		strlist_release(&pi->files[i].touched);
		free(pi->files[i].spans);
		for (size_t k = 0; k < pi->files[i].n_hunks; k++)
			free(pi->files[i].hunks[k].header);
		free(pi->files[i].hunks);
	}
	free(pi->files);
}


/* ---- splitting a patch per file (klp-ccp build) ---- */

struct splitter {
	struct patch_part *parts;
	size_t n, cap;
	const char *start;	/* of the part being read, NULL before the first */
	unsigned start_line;	/* its line in the patch */
	bool has_target;	/* it has its "+++ " line */
};

static void split_close(struct splitter *s, const char *end)
{
	struct patch_part *last = s->n ? &s->parts[s->n - 1] : NULL;

	/* a part is pushed at its "+++ " line; one without it is dropped */
	if (s->start && s->has_target && last && !last->text)
		last->text = xstrndup(s->start, (size_t)(end - s->start));
	s->start = NULL;
	s->has_target = false;
}

static void split_open(struct splitter *s, const char *at, unsigned line)
{
	split_close(s, at);
	s->start = at;
	s->start_line = line;
}

void patch_split(const char *text, struct patch_part **parts, size_t *n)
{
	struct splitter s = { 0 };
	unsigned old_left = 0, new_left = 0, line = 0;

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		line++;
		if ((old_left || new_left) && strchr(" -+\\\n", *p)) {
			if (*p != '\\')
				hunk_line(*p, &old_left, &new_left);
			continue;
		}
		old_left = new_left = 0;
		if (!strncmp(p, "diff ", 5) || !strncmp(p, "Index: ", 7)) {
			split_open(&s, p, line);
		} else if (!strncmp(p, "--- ", 4) && (!s.start || s.has_target)) {
			const char *next = strchr(p, '\n');

			if (next && !strncmp(next + 1, "+++ ", 4))
				split_open(&s, p, line);
		} else if (!strncmp(p, "+++ ", 4) && s.start && !s.has_target) {
			struct patch_part *part = ARRAY_PUSH(s.parts, s.n, s.cap);

			part->path = target_of(p + 4);
			part->text = NULL;
			part->line = s.start_line;
			s.has_target = true;
		} else if (!strncmp(p, "@@ -", 4) && s.has_target) {
			hunk_counts(p, &old_left, &new_left);
		}
	}
	split_close(&s, text + strlen(text));
	*parts = s.parts;
	*n = s.n;
}

void patch_parts_release(struct patch_part *parts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(parts[i].path);
		free(parts[i].text);
	}
	free(parts);
}
