/*
 * Following a macro argument into the macro body: is it an operand of # or
 * ## there, or passed on to a macro that makes it one? Only parentheses
 * group arguments (C11 6.10.3p11); "..." is __VA_ARGS__ (or the name
 * before it), and GNU ", ## __VA_ARGS__" pastes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/lexer.h"
#include "klp-ccp/macro_args.h"

#define MAX_DEPTH 8
#define MAX_NEST 32

struct tok {
	size_t start, n;	/* n = 0: end of text */
};

/* Next token of t[pos, end): identifier, pp-number, literal or punctuator. */
static struct tok next_tok(const char *t, size_t end, size_t *pos)
{
	struct tok k = { 0, 0 };
	size_t i = *pos, j;

	while (i < end) {
		j = lex_skip(t, end, i);
		if (j != i && t[i] == '/')
			i = j;		/* a comment */
		else if (strchr(" \t\r\n\\", t[i]))
			i++;
		else
			break;
	}
	if (i >= end) {
		*pos = end;
		return k;
	}
	k.start = i;
	j = lex_skip(t, end, i);
	if (j != i)
		k.n = j - i;
	else if (is_ident_char((unsigned char)t[i]))
		for (k.n = 0; i + k.n < end && is_ident_char((unsigned char)t[i + k.n]); k.n++)
			;
	else
		k.n = i + 1 < end && t[i] == '#' && t[i + 1] == '#' ? 2 : 1;
	*pos = k.start + k.n;
	return k;
}

static bool tok_is(const char *t, struct tok k, const char *s)
{
	return k.n == strlen(s) && !memcmp(t + k.start, s, k.n);
}

/*
 * The parameter that argument argi of macro md binds: its name at t + *start
 * (length returned), or *start = 0 for __VA_ARGS__; 0 when none. *body is
 * where the replacement list starts.
 */
static size_t param_name(const struct model *m, const char *t, const struct macro_def *md,
			 unsigned argi,
			 size_t *start, size_t *body, bool *va)
{
	size_t pos = md->start + strlen(md->name), end = model_macro_end(m, md) + 1;
	struct tok k = next_tok(t, end, &pos), name = { 0, 0 }, last = { 0, 0 };
	unsigned i = 0;
	bool variadic = false;

	if (!tok_is(t, k, "("))
		return 0;
	for (k = next_tok(t, end, &pos); k.n && !tok_is(t, k, ")"); k = next_tok(t, end, &pos)) {
		if (tok_is(t, k, ","))
			i++, last.n = 0;
		else if (tok_is(t, k, "."))
			variadic = true;
		else
			last = k;
		if (i == argi && last.n)
			name = last;
	}
	*body = pos;
	*va = variadic && argi >= i;
	if (*va) {	/* the variadic part */
		*start = last.n ? last.start : 0;
		return last.n ? last.n : strlen("__VA_ARGS__");
	}
	*start = name.start;
	return name.n;
}

static bool reaches_hash(struct model *m, int idx, unsigned argi, int depth, bool *nested);

/* Is the occurrence of a parameter at k (tokens p1 before it, n1 after) hashed? */
static bool hashed_here(const char *t, struct tok p2, struct tok p1, struct tok n1, bool va)
{
	if (tok_is(t, p1, "#"))
		return true;
	if (tok_is(t, p1, "##"))
		return !(va && tok_is(t, p2, ","));
	return tok_is(t, n1, "##");
}

struct nest {
	int macro;
	int depth;		/* paren depth inside its "(" */
	unsigned arg;
};

static bool passes_on(struct model *m, const struct nest *st, int n, int depth, bool *nested)
{
	for (int i = 0; i < n; i++)
		if (reaches_hash(m, st[i].macro, st[i].arg, depth + 1, nested)) {
			*nested = true;
			return true;
		}
	return false;
}

static int function_macro(struct model *m, const char *t, struct tok k)
{
	char name[128];
	int idx;

	if (k.n == 0 || k.n >= sizeof(name) || !is_ident_start((unsigned char)t[k.start]))
		return -1;
	memcpy(name, t + k.start, k.n);
	name[k.n] = '\0';
	idx = model_macro_first(m, name);
	return idx >= 0 && m->macros[idx].function_like && m->macros[idx].file >= 0 ? idx : -1;
}

static bool reaches_hash(struct model *m, int idx, unsigned argi, int depth, bool *nested)
{
	const struct macro_def *md = &m->macros[idx];
	const char *t;
	size_t pstart = 0, pos, end, pn;
	struct tok p2 = { 0, 0 }, p1 = { 0, 0 }, k, n1;
	struct nest st[MAX_NEST];
	int nst = 0, paren = 0;
	bool va = false;

	if (depth > MAX_DEPTH || md->file < 0 || !md->function_like)
		return false;
	t = m->files[md->file].text;
	end = model_macro_end(m, md) + 1 <= m->files[md->file].len ? model_macro_end(m, md) + 1 :
								      m->files[md->file].len;
	pn = param_name(m, t, md, argi, &pstart, &pos, &va);
	if (!pn)
		return false;
	for (k = next_tok(t, end, &pos); k.n; p2 = p1, p1 = k, k = n1) {
		int inner;

		n1 = next_tok(t, end, &pos);
		if (tok_is(t, k, "(")) {
			paren++;
		} else if (tok_is(t, k, ")")) {
			if (nst && st[nst - 1].depth == paren)
				nst--;
			paren--;
		} else if (tok_is(t, k, ",") && nst && st[nst - 1].depth == paren) {
			st[nst - 1].arg++;
		} else if ((inner = function_macro(m, t, k)) >= 0 && tok_is(t, n1, "(") &&
			   nst < MAX_NEST) {
			st[nst++] = (struct nest){ inner, paren + 1, 0 };
		} else if (k.n == pn && !memcmp(t + k.start, pstart ? t + pstart : "__VA_ARGS__",
						  pn)) {
			if (hashed_here(t, p2, p1, n1, va) ||
			    passes_on(m, st, nst, depth, nested))
				return true;
		}
	}
	return false;
}

/* Index of the argument holding off in the invocation whose "(" is at paren, or -1. */
static int arg_index(const char *t, size_t len, size_t paren, unsigned off)
{
	int depth = 0, arg = 0;

	for (size_t i = paren + 1; i < len; i++) {
		size_t j = lex_skip(t, len, i);

		if (j != i) {
			if (off >= i && off < j)
				return -1;	/* inside a literal */
			i = j - 1;
			continue;
		}
		if (i == off)
			return arg;
		if (t[i] == '(')
			depth++;
		else if (t[i] == ')' && depth-- == 0)
			return -1;
		else if (t[i] == ',' && !depth)
			arg++;
	}
	return -1;
}

enum arg_use macro_arg_use(struct model *m, int file, unsigned from, unsigned off,
			   struct arg_site *at)
{
	const struct file_uses *fu = &m->uses[file];
	const struct kfile *kf = &m->files[file];
	enum arg_use use = ARG_PLAIN;

	for (size_t i = 0; i < fu->n && fu->v[i].offset < off; i++) {
		int idx, arg;
		size_t pos;
		struct tok k;
		bool nested = false;

		if (fu->v[i].offset < from)
			continue;
		idx = model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor));
		if (idx < 0 || !m->macros[idx].function_like)
			continue;
		pos = fu->v[i].offset;
		k = next_tok(kf->text, kf->len, &pos);
		k = next_tok(kf->text, kf->len, &pos);
		if (!tok_is(kf->text, k, "("))
			continue;
		arg = arg_index(kf->text, kf->len, k.start, off);
		if (arg < 0 || !reaches_hash(m, idx, (unsigned)arg, 0, &nested))
			continue;
		if (use == ARG_PLAIN) {	/* the outermost one */
			struct strlist args = { 0 };

			at->macro = m->macros[idx].name;
			at->start = fu->v[i].offset;
			at->end = (unsigned)lex_macro_args(kf->text, kf->len, k.start, &args);
			strlist_release(&args);
			use = ARG_HASHED;
		}
		if (nested)
			return ARG_HASHED_NESTED;
	}
	return use;
}

/* Split "NAME(a, b)" at text+off into trimmed top-level arguments. */
void macro_invocation_args(const char *t, size_t len, size_t off, struct strlist *args)
{
	size_t i = off;

	while (i < len && (is_ident_char((unsigned char)t[i]) || t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i < len && t[i] == '(')
		lex_macro_args(t, len, i, args);
}

/* Index of a parameter name in "NAME(p1, p2)" of a definition, or -1. */
int macro_param_index(const char *def, size_t n_def, const char *word, size_t n)
{
	const char *p = memchr(def, '(', n_def), *end = def + n_def;
	int idx = 0;

	if (!p || !n)
		return -1;
	for (p++; p < end && *p != ')'; idx++) {
		const char *q = p;

		while (q < end && *q != ',' && *q != ')')
			q++;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(q - p) >= n && !memcmp(p, word, n) &&
		    (p + n == q || p[n] == ' ' || p[n] == '\t'))
			return idx;
		p = q < end && *q == ',' ? q + 1 : q;
	}
	return -1;
}

/* Text of [start, end) with parameters replaced by arguments and ## applied. */
char *macro_substitute(const char *t, unsigned start, unsigned end, const struct strlist *params,
			const struct strlist *args)
{
	struct strbuf sb = { 0 };

	for (unsigned i = start; i < end;) {
		unsigned j = (unsigned)lex_skip(t, end, i);

		if (j != i) {
			sb_adds(&sb, " ");
			i = j;
		} else if (t[i] == '#' && i + 1 < end && t[i + 1] == '#') {
			while (sb.len && (sb.buf[sb.len - 1] == ' ' || sb.buf[sb.len - 1] == '\t'))
				sb.buf[--sb.len] = '\0';
			for (i += 2; i < end && strchr(" \t\\\n", t[i]); i++)
				;
		} else if (is_ident_start((unsigned char)t[i])) {
			unsigned k = i;
			size_t p;

			while (k < end && is_ident_char((unsigned char)t[k]))
				k++;
			for (p = 0; p < params->n; p++)
				if (strlen(params->v[p]) == k - i && !memcmp(params->v[p], t + i, k - i))
					break;
			if (p < params->n && p < args->n)
				sb_adds(&sb, args->v[p]);
			else
				sb_addn(&sb, t + i, k - i);
			i = k;
		} else {
			sb_addn(&sb, t[i] == '\\' || t[i] == '\n' ? " " : t + i, 1);
			i++;
		}
	}
	return sb_detach(&sb);
}

/* "(a, b, ...)" after a function-like macro's name: its parameter names. */
unsigned macro_params(const char *t, const struct macro_def *md, struct strlist *params)
{
	unsigned i = md->start + (unsigned)strlen(md->name), from;

	if (!md->function_like || t[i] != '(')
		return i;
	for (from = ++i; t[i] && t[i] != ')'; i++) {
		if (t[i + 1] != ',' && t[i + 1] != ')')
			continue;
		{
			unsigned a = from, b = i + 1;

			while (a < b && strchr(" \t\\\n", t[a]))
				a++;
			while (b > a && strchr(" \t\\\n", t[b - 1]))
				b--;
			strlist_push_owned(params, b - a == 3 && !memcmp(t + a, "...", 3) ?
					   xstrdup("__VA_ARGS__") : xstrndup(t + a, b - a));
			from = i + 2;
		}
	}
	return t[i] == ')' ? i + 1 : i;
}

/* "__VA_ARGS__" stands for the remaining arguments. */
void macro_join_variadic(const struct strlist *params, struct strlist *args)
{
	size_t last = params->n ? params->n - 1 : 0;
	struct strbuf sb = { 0 };

	if (!params->n || strcmp(params->v[last], "__VA_ARGS__") || args->n <= last + 1)
		return;
	for (size_t i = last; i < args->n; i++)
		sb_addf(&sb, "%s%s", i > last ? ", " : "", args->v[i]);
	while (args->n > last)
		free(args->v[--args->n]);
	strlist_push_owned(args, sb_detach(&sb));
}
