/*
 * Directive lines of raw source text. A '#' first on a logical line, outside
 * a comment, starts a directive; it ends at the first newline that neither a
 * backslash continues nor a comment spans.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/directives.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/util.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

/* Past a block comment starting at t[i] (which may span lines). */
static size_t skip_block_comment(const char *t, size_t len, size_t i)
{
	const char *e = memmem(t + i + 2, len - i - 2, "*/", 2);

	return e ? (size_t)(e - t) + 2 : len;
}

/* Past a literal at t[i] if it closes on its line, else i + 1. */
static size_t skip_literal(const char *t, size_t len, size_t i)
{
	char q = t[i];

	for (size_t k = i + 1; k < len && t[k] != '\n'; k++) {
		if (t[k] == '\\')
			k++;
		else if (t[k] == q)
			return k + 1;
	}
	return i + 1;
}

/* The bytes logical_line_end() looks at; it passes the others in a loop of their own. */
static const unsigned char line_special[256] = {
	['\n'] = 1, ['\\'] = 1, ['/'] = 1, ['"'] = 1, ['\''] = 1,
};

/* End of the logical line from i: the offset of its '\n' (or len). */
static size_t logical_line_end(const char *t, size_t len, size_t i, bool literals)
{
	while (i < len && t[i] != '\n') {
		while (!line_special[(unsigned char)t[i]] && ++i < len)
			;
		if (i == len || t[i] == '\n')
			break;
		if (t[i] == '\\' && i + 1 < len && t[i + 1] == '\n')
			i += 2;
		else if (t[i] == '\\' && i + 2 < len && t[i + 1] == '\r' && t[i + 2] == '\n')
			i += 3;
		else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*')
			i = skip_block_comment(t, len, i);
		else if (t[i] == '/' && i + 1 < len && t[i + 1] == '/')
			i = lex_skip(t, len, i);
		else if (literals && (t[i] == '"' || t[i] == '\''))
			i = skip_literal(t, len, i);
		else
			i++;
	}
	return i;
}

static const struct {
	const char *name;
	enum dir_kind kind;
} kinds[] = {
	{ "if", DIR_IF }, { "ifdef", DIR_IFDEF }, { "ifndef", DIR_IFNDEF },
	{ "elif", DIR_ELIF }, { "elifdef", DIR_ELIF }, { "elifndef", DIR_ELIF },
	{ "else", DIR_ELSE }, { "endif", DIR_ENDIF }, { "define", DIR_DEFINE },
	{ "undef", DIR_UNDEF }, { "include", DIR_INCLUDE }, { "include_next", DIR_INCLUDE },
	{ "import", DIR_INCLUDE }, { "pragma", DIR_PRAGMA },
};

static size_t skip_blanks(const char *t, size_t end, size_t i)
{
	for (;;) {
		while (i < end && is_blank(t[i]))
			i++;
		if (i + 1 < end && t[i] == '/' && t[i + 1] == '*')
			i = skip_block_comment(t, end, i);
		else if (i + 1 < end && t[i] == '\\' && t[i + 1] == '\n')
			i += 2;
		else
			return i;
	}
}

static size_t word_end(const char *t, size_t end, size_t i)
{
	while (i < end && is_ident_char((unsigned char)t[i]))
		i++;
	return i;
}

static void add_directive(struct directives *out, const char *t, size_t line, size_t hash,
			  size_t end)
{
	size_t w = skip_blanks(t, end, hash + 1), we = word_end(t, end, w), a, ae;
	struct directive *d;

	if (we == w)
		return;		/* null directive or "# 12" line marker */
	d = ARRAY_PUSH(out->v, out->n, out->cap);
	d->kind = DIR_OTHER;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strlen(kinds[k].name) == we - w && !memcmp(t + w, kinds[k].name, we - w))
			d->kind = kinds[k].kind;
	a = skip_blanks(t, end, we);
	ae = word_end(t, end, a);
	d->start = (unsigned)line;
	d->end = (unsigned)end;
	d->arg = (unsigned)a;
	d->arg_len = (unsigned)(ae - a);
	d->active = true;
}

/*
 * A line that is a _Pragma("...") operator (outside any declaration, the
 * caller checks): kept as a DIR_PRAGMA whose arg is the first word of the
 * string, as for "#pragma".
 */
static void add_pragma_operator(struct directives *out, const char *t, size_t line, size_t p,
				size_t end)
{
	size_t q = skip_blanks(t, end, p + 7), a;
	struct directive *d;

	if (q >= end || t[q] != '(')
		return;
	q = skip_blanks(t, end, q + 1);
	if (q >= end || t[q] != '"')
		return;
	a = skip_blanks(t, end, q + 1);
	d = ARRAY_PUSH(out->v, out->n, out->cap);
	d->kind = DIR_PRAGMA;
	d->start = (unsigned)line;
	d->end = (unsigned)end;
	d->arg = (unsigned)a;
	d->arg_len = (unsigned)(word_end(t, end, a) - a);
	d->active = true;
}

/* The directive lines of t, the first max of them. */
static void scan(const char *t, size_t len, struct directives *out, size_t max)
{
	size_t i = 0;

	out->n = 0;
	while (i < len && out->n < max) {
		size_t line = i, p = skip_blanks(t, len, i), end;

		if (p < len && t[p] == '#') {
			end = logical_line_end(t, len, p + 1, false);
			add_directive(out, t, line, p, end);
		} else {
			end = logical_line_end(t, len, p, true);
			if (end - p > 7 && !memcmp(t + p, "_Pragma", 7) && !is_ident_char((unsigned char)t[p + 7]))
				add_pragma_operator(out, t, line, p, end);
		}
		i = end + 1;
	}
}

void directives_scan(const char *t, size_t len, struct directives *out)
{
	scan(t, len, out, (size_t)-1);
}

bool directives_first(const char *t, size_t len, struct directive *first)
{
	struct directives d = { 0 };
	bool any;

	scan(t, len, &d, 1);
	any = d.n > 0;
	if (any)
		*first = d.v[0];
	directives_release(&d);
	return any;
}

void directives_release(struct directives *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}

static bool opens(enum dir_kind k)
{
	return k == DIR_IF || k == DIR_IFDEF || k == DIR_IFNDEF;
}

/* Directive indices of one open group: its #if, then its #elif/#else so far. */
struct group {
	size_t *v;
	size_t n, cap;
};

struct gstack {
	struct group *v;
	size_t n, cap;
};

static void pop_group(struct gstack *s)
{
	free(s->v[--s->n].v);
}

/* Groups left open by the directives before start. */
static void open_before(const struct directives *d, unsigned start, struct gstack *s)
{
	for (size_t i = 0; i < d->n && d->v[i].start < start; i++) {
		enum dir_kind k = d->v[i].kind;
		struct group *g;

		if (opens(k)) {
			g = ARRAY_PUSH(s->v, s->n, s->cap);
			memset(g, 0, sizeof(*g));
		} else if ((k == DIR_ELIF || k == DIR_ELSE) && s->n) {
			g = &s->v[s->n - 1];
		} else {
			if (k == DIR_ENDIF && s->n)
				pop_group(s);
			continue;
		}
		*ARRAY_PUSH(g->v, g->n, g->cap) = i;
	}
}

void directives_cut(const struct directives *d, unsigned start, unsigned end,
		    struct cond_cut *cut)
{
	struct gstack s = { 0 };
	size_t outer, lowest, inner = 0;

	cut->n_open = 0;
	open_before(d, start, &s);
	outer = lowest = s.n;
	for (size_t i = 0; i < d->n; i++) {
		enum dir_kind k = d->v[i].kind;

		if (d->v[i].start < start || d->v[i].start >= end)
			continue;
		if (opens(k)) {
			inner++;
		} else if (k != DIR_ELIF && k != DIR_ELSE && k != DIR_ENDIF) {
			continue;
		} else if (inner) {
			inner -= k == DIR_ENDIF;	/* a group opened inside */
		} else if (outer) {
			/* a group opened before the range: it needs its #if */
			if (outer - 1 < lowest)
				lowest = outer - 1;
			outer -= k == DIR_ENDIF;
		}
	}
	for (size_t g = lowest; g < s.n; g++)
		for (size_t k = 0; k < s.v[g].n; k++)
			*ARRAY_PUSH(cut->open, cut->n_open, cut->cap_open) = s.v[g].v[k];
	cut->n_close = (unsigned)(inner + (outer > lowest ? outer - lowest : 0));
	while (s.n)
		pop_group(&s);
	free(s.v);
}

void cond_cut_release(struct cond_cut *cut)
{
	free(cut->open);
	memset(cut, 0, sizeof(*cut));
}
