/*
 * __COUNTER__ values in copied code (counter.h). Which uses matter is read
 * from the macros' text: an occurrence that is an operand of # or ##, or a
 * whole argument of a macro whose parameter is only used so (the kernel's
 * __UNIQUE_ID, compiletime_assert, __stringify), only makes names; any
 * other use is a value. The values themselves come from GCC: the original
 * and lp.c are preprocessed with __COUNTER__ defined as a marker, and the
 * markers before a place count the expansions before it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/counter.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/macro_args.h"

#define CNT "__COUNTER__"
#define MARK "__klp_ccp_counter__"
#define PROBE "__klp_ccp_counter_probe__"
#define MAX_DEPTH 8

/* ---- which uses are values ---- */

static bool space_at(const char *t, size_t i)
{
	return strchr(" \t\r\n\\", t[i]) && t[i];
}

static bool is_word(const char *t, size_t s, size_t n, const char *w)
{
	return n == strlen(w) && !memcmp(t + s, w, n);
}

/* Is t[s, s+n) an operand of # or ## in [from, to)? */
static bool hashed_at(const char *t, size_t from, size_t to, size_t s, size_t n)
{
	size_t a = s, b = s + n;

	while (a > from && space_at(t, a - 1))
		a--;
	if (a > from && t[a - 1] == '#')
		return true;
	while (b < to && space_at(t, b))
		b++;
	return b + 1 < to && t[b] == '#' && t[b + 1] == '#';
}

/* The name before the '(' at t[open], into name[size]. */
static bool invoked_name(const char *t, size_t from, size_t open, char *name, size_t size)
{
	size_t e = open, s;

	while (e > from && space_at(t, e - 1))
		e--;
	for (s = e; s > from && is_ident_char((unsigned char)t[s - 1]); s--)
		;
	if (s == e || e - s >= size)
		return false;
	memcpy(name, t + s, e - s);
	name[e - s] = 0;
	return true;
}

/*
 * Is t[s, s+n) a whole top-level argument of a macro invocation inside
 * [from, to)? The macro's name and the argument's index.
 */
static bool whole_argument(const char *t, size_t from, size_t to, size_t s, size_t n,
			   char *name, size_t size, int *index)
{
	size_t a = s, b = s + n;
	int depth = 0, commas = 0;

	while (a > from && space_at(t, a - 1))
		a--;
	while (b < to && space_at(t, b))
		b++;
	if (a == from || !strchr("(,", t[a - 1]) || b >= to || !strchr("),", t[b]))
		return false;
	for (size_t i = s; i-- > from;) {
		if (strchr(")]}", t[i])) {
			depth++;
		} else if (strchr("([{", t[i])) {
			if (depth-- == 0) {
				*index = commas;
				return t[i] == '(' && invoked_name(t, from, i, name, size);
			}
		} else if (t[i] == ',' && depth == 0) {
			commas++;
		}
	}
	return false;
}

static bool name_only_param(struct model *m, const char *macro, int index, int depth);

/* Does the occurrence t[s, s+n) in [from, to) only make a name or a string? */
static bool name_only_use(struct model *m, const char *t, size_t from, size_t to, size_t s,
			  size_t n, int depth)
{
	char name[256];
	int index;

	if (hashed_at(t, from, to, s, n))
		return true;
	return depth > 0 && whole_argument(t, from, to, s, n, name, sizeof(name), &index) &&
	       name_only_param(m, name, index, depth - 1);
}

/* Index of the parameter taking argument index, or -1. */
static int param_of(const struct strlist *params, int index)
{
	if (index < (int)params->n)
		return index;
	return params->n && !strcmp(params->v[params->n - 1], "__VA_ARGS__") ? (int)params->n - 1 : -1;
}

static bool name_only_in_def(struct model *m, const struct macro_def *md, int index, int depth)
{
	const char *t = m->files[md->file].text;
	struct strlist params = { 0 };
	unsigned body = macro_params(t, md, &params);
	int k = param_of(&params, index);
	size_t pos = body, s, n;
	bool ok = k >= 0;

	while (ok && lex_next_ident(t, model_macro_end(m, md), &pos, &s, &n))
		if (is_word(t, s, n, params.v[k]))
			ok = name_only_use(m, t, body, model_macro_end(m, md), s, n, depth);
	strlist_release(&params);
	return ok;
}

/* Is argument index of every definition of macro used only by # and ##? */
static bool name_only_param(struct model *m, const char *macro, int index, int depth)
{
	int first = model_macro_first(m, macro);

	if (first < 0)
		return false;
	for (int i = first; i >= 0; i = m->macros[i].next_same_name) {
		const struct macro_def *md = &m->macros[i];

		if (md->file < 0 || !md->function_like || !name_only_in_def(m, md, index, depth))
			return false;
	}
	return true;
}

/* A use of __COUNTER__'s value in t[from, to)? */
static bool value_use_in(struct model *m, const char *t, size_t from, size_t to)
{
	size_t pos = from, s, n;

	if (!memmem(t + from, to - from, CNT, strlen(CNT)))
		return false;
	while (lex_next_ident(t, to, &pos, &s, &n))
		if (is_word(t, s, n, CNT) && !name_only_use(m, t, from, to, s, n, MAX_DEPTH))
			return true;
	return false;
}

/*
 * Per model, what is known of each macro: does its expansion use
 * __COUNTER__'s value, written in its body or through a macro its body
 * names (any definition of the name)? A search from a unit's names visits
 * only the macros it can reach, not every macro of the unit's headers.
 */
enum { MV_UNKNOWN, MV_VALUE, MV_NONE };

static struct {
	const struct model *m;
	unsigned char *state;	/* MV_* per macro */
	int *parent;		/* the search: macro it was reached from, -1 from the unit */
	unsigned *seen;		/* the search's number when it reached the macro */
	unsigned search;
	int *queue;
} mv;

static void mv_reset(struct model *m)
{
	free(mv.state);
	free(mv.parent);
	free(mv.seen);
	free(mv.queue);
	mv.m = m;
	mv.state = xcalloc(m->n_macros + 1, sizeof(*mv.state));
	mv.parent = xcalloc(m->n_macros + 1, sizeof(*mv.parent));
	mv.seen = xcalloc(m->n_macros + 1, sizeof(*mv.seen));
	mv.queue = xcalloc(m->n_macros + 1, sizeof(*mv.queue));
	mv.search = 0;
}

/* Its body writes a value use (macros of the command line have no text). */
static bool writes_value(struct model *m, int i)
{
	const struct macro_def *md = &m->macros[i];

	return md->file >= 0 && value_use_in(m, m->files[md->file].text, md->start, model_macro_end(m, md));
}

/* Reached macro j from `from`: true when it decides the search (a value use). */
static bool reach(struct model *m, int j, int from, size_t *n)
{
	if (mv.state[j] == MV_VALUE)
		return true;
	if (mv.state[j] == MV_NONE || mv.seen[j] == mv.search)
		return false;
	mv.seen[j] = mv.search;
	mv.parent[j] = from;
	if (writes_value(m, j))
		return true;
	if (m->macros[j].file >= 0)
		mv.queue[(*n)++] = j;
	return false;
}

/*
 * Reaches the macros named in t[from, to) from `parent`; true at a value
 * use, with *found = parent (the way back to the unit goes through it).
 */
static bool reach_named(struct model *m, const char *t, size_t from, size_t to, int parent,
			size_t *n, int *found)
{
	size_t pos = from;
	char name[256];

	while (lex_next_name(t, to, &pos, name, sizeof(name)))
		for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name)
			if (reach(m, i, parent, n)) {
				mv.state[i] = MV_VALUE;
				*found = parent;
				return true;
			}
	return false;
}

/*
 * Does t[from, to) name a macro whose expansion uses the value? A breadth-
 * first search: at a value use, the macros on the way there use it too; a
 * search that finds none proves that of every macro it reached.
 */
static bool names_value_macro(struct model *m, const char *t, size_t from, size_t to)
{
	size_t head = 0, n = 0;
	int found = -1;
	bool hit;

	if (mv.m != m)
		mv_reset(m);
	mv.search++;
	hit = reach_named(m, t, from, to, -1, &n, &found);
	while (!hit && head < n) {
		int i = mv.queue[head++];
		const struct macro_def *md = &m->macros[i];

		hit = reach_named(m, m->files[md->file].text, md->start, model_macro_end(m, md), i, &n,
				  &found);
	}
	if (hit) {
		for (int i = found; i >= 0; i = mv.parent[i])
			mv.state[i] = MV_VALUE;
		return true;
	}
	for (size_t k = 0; k < n; k++)
		mv.state[mv.queue[k]] = MV_NONE;
	return false;
}

bool counter_unit_uses_value(struct model *m, int unit)
{
	const struct unit *u = &m->units[unit];
	const char *t = m->files[u->file].text;

	return value_use_in(m, t, u->start, u->end) || names_value_macro(m, t, u->start, u->end);
}

/* ---- the values, from GCC ---- */

static char *dir_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* gcc -E of input with the original flags, __COUNTER__ marked, into out. */
static int preprocess(const struct gcc_cmdline *cl, const char *input, const char *iquote,
		      const char *out)
{
	struct strlist v = { 0 };
	struct strbuf log = { 0 };
	int rc;

	strlist_push(&v, cl->compiler);
	if (iquote) {
		strlist_push(&v, "-iquote");
		strlist_push(&v, iquote);
	}
	internal_push_args(cl, input, &v);
	strlist_push(&v, "-E");
	strlist_push(&v, "-w");
	strlist_push(&v, "-D" CNT "=" MARK);
	strlist_push(&v, "-o");
	strlist_push(&v, out);
	strlist_push_owned(&v, NULL);
	rc = internal_run(v.v, &log);
	if (rc) {
		char *msg = internal_first_message(&log);

		diag_warning("preprocessing %s to count __COUNTER__ failed: %s", input,
			     *msg ? msg : "cannot run the compiler");
		free(msg);
	}
	strlist_release(&v);
	sb_release(&log);
	return rc ? -1 : 0;
}

static size_t count_marks(const char *s, size_t n)
{
	size_t c = 0;
	const char *p = s, *end = s + n;

	while ((p = memmem(p, (size_t)(end - p), MARK, strlen(MARK)))) {
		c++;
		p += strlen(MARK);
	}
	return c;
}

/* Does the line marker path (quoted, length n) name the file real? */
static bool same_path(const char *path, size_t n, const char *real)
{
	char *p = xstrndup(path, n), *r = realpath(p, NULL);
	bool same = r && !strcmp(r, real);

	free(r);
	free(p);
	return same;
}

/*
 * Markers in the original's preprocessed text before the first line of
 * file real at or after line: the counter's value there, or -1.
 */
static long value_at(const char *t, size_t len, const char *real, unsigned line)
{
	size_t pos = 0, marks = 0;
	const char *cur = NULL;
	size_t cur_n = 0;
	bool in_file = false;
	unsigned cur_line = 0;

	while (pos < len) {
		size_t n = strcspn(t + pos, "\n");
		const char *l = t + pos;
		unsigned num;

		if (l[0] == '#' && sscanf(l, "# %u \"", &num) == 1 && memchr(l, '"', n)) {
			const char *q = memchr(l, '"', n), *e = memchr(q + 1, '"', n - (size_t)(q + 1 - l));

			cur_line = num;
			if (e && (!cur || cur_n != (size_t)(e - q - 1) || memcmp(cur, q + 1, cur_n))) {
				cur = q + 1;
				cur_n = (size_t)(e - q - 1);
				in_file = same_path(cur, cur_n, real);
			}
		} else {
			if (in_file && cur_line >= line)
				return (long)marks;
			marks += count_marks(l, n);
			cur_line++;
		}
		pos += n + 1;
	}
	return -1;
}

static char *read_text(const char *path, size_t *len)
{
	char *t = read_file(path, len);

	if (!t)
		diag_warning("cannot read %s: %s", path, strerror(errno));
	return t;
}

/* The original's values at the sites' units, into v. */
static int original_values(struct model *m, const struct gcc_cmdline *cl, const char *dir,
			   const struct counter_sites *sites, long *v)
{
	char *out = xasprintf("%s/orig.i", dir), *t = NULL;
	size_t len = 0;
	int rc = preprocess(cl, cl->input, NULL, out);

	if (!rc && !(t = read_text(out, &len)))
		rc = -1;
	for (size_t i = 0; !rc && i < sites->n; i++) {
		const struct unit *u = &m->units[sites->v[i].unit];
		char *real = realpath(m->files[u->file].name, NULL);

		v[i] = real ? value_at(t, len, real, model_line_of(m, u->file, u->start)) : -1;
		free(real);
	}
	free(t);
	free(out);
	return rc;
}

/* lp.c's values at the sites, without any advance, into v. */
static int lp_values(const char *outfile, const struct gcc_cmdline *cl, const char *dir,
		     const struct counter_sites *sites, const struct strbuf *lp, long *v)
{
	char *in = xasprintf("%s/lp.c", dir), *out = xasprintf("%s/lp.i", dir), *od = dir_name(outfile);
	struct strbuf probed = { 0 };
	size_t at = 0, len = 0, k = 0;
	char *t = NULL, *p;
	FILE *f;
	int rc = -1;

	for (size_t i = 0; i < sites->n; i++) {
		sb_addn(&probed, lp->buf + at, sites->v[i].offset - at);
		sb_adds(&probed, "\n" PROBE "\n");
		at = sites->v[i].offset;
	}
	sb_addn(&probed, lp->buf + at, lp->len - at);
	f = fopen(in, "w");
	if (f && fwrite(probed.buf, 1, probed.len, f) == probed.len && !fclose(f))
		rc = preprocess(cl, in, od, out);
	else
		diag_warning("cannot write %s: %s", in, strerror(errno));
	if (!rc && !(t = read_text(out, &len)))
		rc = -1;
	for (p = t; !rc && k < sites->n && (p = memmem(p, len - (size_t)(p - t), PROBE, strlen(PROBE)));
	     p += strlen(PROBE))
		v[k++] = (long)count_marks(t, (size_t)(p - t));
	for (; k < sites->n; k++)
		v[k] = -1;
	free(t);
	sb_release(&probed);
	free(od);
	free(out);
	free(in);
	return rc;
}

/* "#if __COUNTER__ + ..." consuming n values. */
static void advance_text(struct strbuf *sb, long n, long to)
{
	sb_addf(sb, "/* klp-ccp: __COUNTER__ is %ld here in the original */\n#if ", to);
	for (long i = 0; i < n; i++)
		sb_addf(sb, "%s" CNT "%s", i ? " + " : "", i + 1 < n && i % 6 == 5 ? " \\\n" : "");
	sb_adds(sb, "\n#endif\n");
}

static void insert_advances(const struct model *m, const struct counter_sites *sites,
			    const long *orig, const long *mine, struct strbuf *lp)
{
	struct strbuf out = { 0 };
	size_t at = 0;
	long added = 0;

	for (size_t i = 0; i < sites->n; i++) {
		long need = orig[i] - (mine[i] + added);

		sb_addn(&out, lp->buf + at, sites->v[i].offset - at);
		at = sites->v[i].offset;
		if (orig[i] < 0 || mine[i] < 0)
			continue;
		if (need < 0) {
			const struct unit *u = &m->units[sites->v[i].unit];

			diag_warning("%s:%u: __COUNTER__ is %ld there in the original, lp.c has passed it (%ld): its values differ",
				     m->files[u->file].name, model_line_of((struct model *)m, u->file, u->start),
				     orig[i], mine[i] + added);
			continue;
		}
		if (need)
			advance_text(&out, need, orig[i]);
		added += need;
	}
	sb_addn(&out, lp->buf + at, lp->len - at);
	sb_release(lp);
	*lp = out;
}

int counter_fix(struct model *m, const struct gcc_cmdline *cl, const char *outfile,
		const struct counter_sites *sites, struct strbuf *lp)
{
	char *dir;
	long *orig, *mine;
	int rc;

	if (!sites->n)
		return 0;
	dir = internal_scratch_create("counter");
	if (!dir)
		return -1;	/* an error: no scratch space at all */
	orig = xcalloc(sites->n, sizeof(*orig));
	mine = xcalloc(sites->n, sizeof(*mine));
	rc = original_values(m, cl, dir, sites, orig);
	if (!rc)
		rc = lp_values(outfile, cl, dir, sites, lp, mine);
	if (!rc)
		insert_advances(m, sites, orig, mine, lp);
	if (rc)
		diag_warning("__COUNTER__ values in lp.c are not the original's (see above)");
	internal_scratch_remove(dir);
	free(dir);
	free(orig);
	free(mine);
	return 0;
}
