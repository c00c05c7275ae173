/*
 * Expanding one written macro invocation the way the preprocessor does
 * (C11 6.10.3: arguments macro-expanded unless an operand of # or ##,
 * rescanning with the names being expanded disabled, GNU ", ## __VA_ARGS__"),
 * with the macro definitions in effect where it is written. rewrite.c writes
 * such an expansion in place of an invocation that passes a renamed name on
 * to a macro that stringizes or pastes it: the original spelling is consumed
 * there, and what is left is renamed like any other text of the unit.
 *
 * Hide sets follow Prosser's algorithm (the one GCC's behaviour matches):
 * each token carries the macros it must not expand again.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/directives.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/pp_expand.h"

#define MAX_TOKENS 200000
#define MAX_HIDE_INTS (4u << 20)	/* 16 MB of hide-set members per invocation */

struct hset {
	int *v;			/* canonical macro indices (first of their name) */
	size_t n;
};

struct ptok {
	const char *s;
	unsigned n;		/* n = 0: placemarker (an empty argument next to ##) */
	bool space;		/* whitespace before it */
	int hs;			/* index into the expander's hide sets */
	bool painted;		/* a macro name left unexpanded, see identity() */
	bool scanned;		/* looked at for macro expansion (an argument's or the rescan) */
	bool emitted;		/* from the body of a macro lp.c re-emits with renames */
};

struct tlist {
	struct ptok *v;
	size_t n, cap;
};

struct pp {
	struct model *m;
	const struct strlist *keep;	/* macros lp.c defines its own way: not expanded */
	int file;
	unsigned off, line;
	struct hset *sets;
	size_t n_sets, cap_sets;
	struct strlist strs;	/* spellings made here (pasted, stringized) */
	size_t made;		/* tokens produced, against MAX_TOKENS */
	size_t hs_ints;		/* hide-set members made, against MAX_HIDE_INTS */
	bool failed;
	const struct strlist *watch;	/* names whose uses by # and ## are recorded */
	unsigned start, end;		/* the written invocation */
	struct pp_use *uses;
	size_t n_uses, cap_uses;
};

/* ---- tokens ---- */

static const char *const puncts[] = {
	"%:%:", "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
	"&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>",
	"<%", "%>", "%:", NULL
};

/* Length of the preprocessing token at t[i] (i not at blank or comment). */
static size_t tok_len(const char *t, size_t end, size_t i)
{
	size_t j = lex_skip(t, end, i), k;

	if (j != i)
		return j - i;
	if (is_ident_start((unsigned char)t[i])) {
		for (k = i; k < end && is_ident_char((unsigned char)t[k]); k++)
			;
		/* an encoding prefix belongs to its literal: L"x", u8'c' */
		if (k < end && (t[k] == '"' || t[k] == '\'') && k - i <= 2 &&
		    strchr("LuU", t[i]) && (k - i == 1 || t[i + 1] == '8'))
			return lex_skip(t, end, k) - i;
		return k - i;
	}
	if ((t[i] >= '0' && t[i] <= '9') ||
	    (t[i] == '.' && i + 1 < end && t[i + 1] >= '0' && t[i + 1] <= '9')) {
		for (k = i + 1; k < end; k++) {
			if (strchr("+-", t[k]) && strchr("eEpP", t[k - 1]))
				continue;
			if (!is_ident_char((unsigned char)t[k]) && t[k] != '.')
				break;
		}
		return k - i;
	}
	for (int p = 0; puncts[p]; p++) {
		size_t n = strlen(puncts[p]);

		if (i + n <= end && !memcmp(t + i, puncts[p], n))
			return n;
	}
	return 1;
}

/* Tokens of t[start, end); comments and line splices are blanks. */
static void lex_range(const char *t, size_t start, size_t end, struct tlist *out)
{
	bool space = false;

	for (size_t i = start; i < end;) {
		size_t j = lex_skip(t, end, i);

		if ((j != i && t[i] == '/') || strchr(" \t\r\n\f\v\\", t[i])) {
			space = true;
			i = j != i ? j : i + 1;
			continue;
		}
		j = i + tok_len(t, end, i);
		*ARRAY_PUSH(out->v, out->n, out->cap) =
			(struct ptok){ .s = t + i, .n = (unsigned)(j - i), .space = space };
		space = false;
		i = j;
	}
}

static bool is(const struct ptok *k, const char *s)
{
	return k->n == strlen(s) && !memcmp(k->s, s, k->n);
}

static bool is_ident(const struct ptok *k)
{
	return k->n && is_ident_start((unsigned char)k->s[0]) && k->s[k->n - 1] != '"' &&
	       k->s[k->n - 1] != '\'';
}

static void push(struct pp *p, struct tlist *l, struct ptok k)
{
	if (++p->made > MAX_TOKENS)
		p->failed = true;
	*ARRAY_PUSH(l->v, l->n, l->cap) = k;
}

static void append(struct pp *p, struct tlist *l, const struct tlist *from)
{
	for (size_t i = 0; i < from->n; i++)
		push(p, l, from->v[i]);
}

/*
 * k is an operand of # or ##: record it when its name is watched. Once
 * scanned, a #define of the name would already have replaced it in lp.c.
 */
static void note_hashed(struct pp *p, const struct ptok *k)
{
	const char *text = p->m->files[p->file].text;
	unsigned off = PP_ANY;
	struct pp_use *u;
	size_t i;

	if (!p->watch || !k->n)
		return;
	for (i = 0; i < p->watch->n; i++)
		if (strlen(p->watch->v[i]) == k->n && !memcmp(p->watch->v[i], k->s, k->n))
			break;
	if (i == p->watch->n)
		return;
	if (k->s >= text + p->start && k->s < text + p->end)
		off = (unsigned)(k->s - text);
	for (size_t j = 0; j < p->n_uses; j++) {
		u = &p->uses[j];
		if (u->name == i && u->offset == off && u->emitted == k->emitted) {
			u->flags |= k->scanned ? PP_HASHED_SCANNED : PP_HASHED_RAW;
			return;
		}
	}
	*ARRAY_PUSH(p->uses, p->n_uses, p->cap_uses) = (struct pp_use){
		(unsigned)i, off, k->emitted, k->scanned ? PP_HASHED_SCANNED : PP_HASHED_RAW };
}

static const char *keep(struct pp *p, char *s)
{
	strlist_push_owned(&p->strs, s);
	return s;
}

/* ---- hide sets ---- */

static bool hs_has(const struct pp *p, int hs, int macro)
{
	for (size_t i = 0; i < p->sets[hs].n; i++)
		if (p->sets[hs].v[i] == macro)
			return true;
	return false;
}

/* (a ∩ b, or a when b < 0) ∪ {macro}, or with macro < 0 just the union a ∪ b. */
static int hs_make(struct pp *p, int a, int b, int macro, bool intersect)
{
	size_t need = p->sets[a].n + (b >= 0 ? p->sets[b].n : 0) + 1;
	struct hset s;

	/* a chain of thousands of macros grows one set per level: give up, not gigabytes */
	p->hs_ints += need;
	if (p->hs_ints > MAX_HIDE_INTS) {
		p->failed = true;
		return a;
	}
	s = (struct hset){ xmalloc(need * sizeof(int)), 0 };

	for (size_t i = 0; i < p->sets[a].n; i++)
		if (!intersect || b < 0 || hs_has(p, b, p->sets[a].v[i]))
			s.v[s.n++] = p->sets[a].v[i];
	for (size_t i = 0; !intersect && b >= 0 && i < p->sets[b].n; i++)
		if (!hs_has(p, a, p->sets[b].v[i]))
			s.v[s.n++] = p->sets[b].v[i];
	if (macro >= 0 && !hs_has(p, a, macro))
		s.v[s.n++] = macro;
	*ARRAY_PUSH(p->sets, p->n_sets, p->cap_sets) = s;
	return (int)p->n_sets - 1;
}

/* ---- macros ---- */

struct mdef {
	int idx;
	struct tlist params;	/* names; "__VA_ARGS__" for "..." */
	bool variadic;
	struct tlist body;
};

/* Is the definition md #undef'd between itself and the invocation? */
static bool undefined_since(struct pp *p, const struct macro_def *md)
{
	size_t n = strlen(md->name), n_undefs;
	const struct model_undef *undefs = model_undefs(p->m, &n_undefs);

	for (size_t i = 0; i < n_undefs; i++) {
		const struct model_undef *u = &undefs[i];

		if (u->n == n && !memcmp(u->name, md->name, n) &&
		    model_compare_pos(p->m, md->file, md->start, u->file, u->off) < 0 &&
		    model_compare_pos(p->m, u->file, u->off, p->file, p->off) < 0)
			return true;
	}
	return false;
}

/* The definition of name in effect at the invocation, or -1 (not a macro, builtin). */
static int lookup(struct pp *p, const struct ptok *k)
{
	char buf[256];
	int best = -1;

	if (k->n >= sizeof(buf) || !is_ident(k))
		return -1;
	memcpy(buf, k->s, k->n);
	buf[k->n] = '\0';
	if (p->keep && strlist_contains(p->keep, buf))
		return -1;
	for (int i = model_macro_first(p->m, buf); i >= 0; i = p->m->macros[i].next_same_name) {
		const struct macro_def *md = &p->m->macros[i];

		if (md->file >= 0 && model_compare_pos(p->m, md->file, md->start, p->file, p->off) < 0)
			best = i;
	}
	return best >= 0 && undefined_since(p, &p->m->macros[best]) ? -1 : best;
}

static void read_def(struct pp *p, int idx, struct mdef *d)
{
	const struct macro_def *md = &p->m->macros[idx];
	const struct kfile *kf = &p->m->files[md->file];
	size_t end = model_macro_end(p->m, md) + 1 <= kf->len ? model_macro_end(p->m, md) + 1 : kf->len;
	struct tlist all = { 0 };
	size_t i = 1;

	memset(d, 0, sizeof(*d));
	d->idx = idx;
	lex_range(kf->text, md->start, end, &all);
	if (md->function_like && all.n > 1 && is(&all.v[1], "(")) {
		for (i = 2; i < all.n && !is(&all.v[i], ")"); i++) {
			if (is(&all.v[i], "...")) {
				d->variadic = true;
				if (!is(&all.v[i - 1], ",") && !is(&all.v[i - 1], "("))
					continue;	/* "args..." names it */
				all.v[i] = (struct ptok){ .s = "__VA_ARGS__", .n = 11 };
			}
			if (!is(&all.v[i], ","))
				*ARRAY_PUSH(d->params.v, d->params.n, d->params.cap) = all.v[i];
		}
		i++;
	}
	for (; i < all.n; i++) {
		all.v[i].emitted = md->needed;
		*ARRAY_PUSH(d->body.v, d->body.n, d->body.cap) = all.v[i];
	}
	free(all.v);
}

static void release_def(struct mdef *d)
{
	free(d->params.v);
	free(d->body.v);
}

static int param_of(const struct mdef *d, const struct ptok *k)
{
	for (size_t i = 0; i < d->params.n; i++)
		if (k->n == d->params.v[i].n && !memcmp(k->s, d->params.v[i].s, k->n))
			return (int)i;
	return -1;
}

/* ---- # and ## ---- */

static struct ptok stringize(struct pp *p, const struct tlist *arg)
{
	struct strbuf sb = { 0 };
	size_t n;

	sb_adds(&sb, "\"");
	for (size_t i = 0; i < arg->n; i++) {
		const struct ptok *k = &arg->v[i];
		bool literal = k->n && (k->s[k->n - 1] == '"' || k->s[k->n - 1] == '\'');

		if (!k->n)
			continue;
		note_hashed(p, k);
		if (i && k->space && sb.len > 1)
			sb_adds(&sb, " ");
		for (unsigned c = 0; c < k->n; c++) {
			if (literal && (k->s[c] == '"' || k->s[c] == '\\'))
				sb_adds(&sb, "\\");
			sb_addn(&sb, k->s + c, 1);
		}
	}
	sb_adds(&sb, "\"");
	n = sb.len;
	return (struct ptok){ .s = keep(p, sb_detach(&sb)), .n = (unsigned)n };
}

/* a ## b: one token, or failure (undefined behaviour; GCC rejects it). */
static struct ptok paste(struct pp *p, struct ptok a, struct ptok b)
{
	char *s;
	size_t n;

	note_hashed(p, &a);
	note_hashed(p, &b);
	if (!a.n) {
		b.space = a.space;
		return b;
	}
	if (!b.n)
		return a;
	s = xasprintf("%.*s%.*s", (int)a.n, a.s, (int)b.n, b.s);
	n = strlen(s);
	if (tok_len(s, n, 0) != n)
		p->failed = true;
	return (struct ptok){ .s = keep(p, s), .n = (unsigned)n, .space = a.space };
}

/* ---- expansion ---- */

static void expand(struct pp *p, struct tlist *in, struct tlist *out);

/* Arguments of the invocation whose "(" is in->v[open]; index of its ")" or 0. */
static size_t collect_args(const struct tlist *in, size_t open, const struct mdef *d,
			   struct tlist **args, size_t *n_args)
{
	size_t n = d->params.n ? d->params.n : 1, a = 0;
	int depth = 0;

	*args = xcalloc(n, sizeof(**args));
	for (size_t i = open + 1; i < in->n; i++) {
		const struct ptok *k = &in->v[i];

		if (is(k, ")") && depth-- == 0) {
			*n_args = a + 1;
			return i;
		}
		depth += is(k, "(");
		if (is(k, ",") && !depth && a + 1 < n) {
			a++;
			continue;
		}
		if (is(k, ",") && !depth && !d->variadic && a + 1 >= n) {
			a = n;	/* too many arguments */
			break;
		}
		*ARRAY_PUSH((*args)[a].v, (*args)[a].n, (*args)[a].cap) = *k;
	}
	*n_args = a + 1;
	return 0;
}

static bool is_va_param(const struct mdef *d, int prm)
{
	return d->variadic && prm == (int)d->params.n - 1;
}

/* The replacement list of d with its arguments, hide set hs added (subst). */
static void substitute(struct pp *p, const struct mdef *d, struct tlist *args, int hs,
		       struct tlist *out)
{
	const struct tlist *b = &d->body;
	struct tlist *done = xcalloc(d->params.n + 1, sizeof(*done));
	bool *have = xcalloc(d->params.n + 1, sizeof(bool));
	size_t first = out->n;

	for (size_t i = 0; i < b->n && !p->failed; i++) {
		int prm = param_of(d, &b->v[i]);
		bool pasted_before = i && is(&b->v[i - 1], "##");
		bool pasted_after = i + 1 < b->n && is(&b->v[i + 1], "##");

		if (is(&b->v[i], "__VA_OPT__")) {
			p->failed = true;	/* not supported: say so rather than guess */
		} else if (is(&b->v[i], "#") && d->params.n && i + 1 < b->n &&
			   (prm = param_of(d, &b->v[i + 1])) >= 0) {
			struct ptok s = stringize(p, &args[prm]);

			s.space = b->v[i].space;
			if (i && is(&b->v[i - 1], "##") && out->n > first)
				out->v[out->n - 1] = paste(p, out->v[out->n - 1], s);
			else
				push(p, out, s);
			i++;
		} else if (is(&b->v[i], "##")) {
			continue;	/* applied with its right operand */
		} else if (prm >= 0 && (pasted_before || pasted_after)) {
			struct tlist *a = &args[prm];
			size_t k = 0;

			if (pasted_before && is_va_param(d, prm) && out->n > first &&
			    is(&out->v[out->n - 1], ",")) {
				/* GNU: ", ## __VA_ARGS__" drops the comma when there are none */
				if (!a->n)
					out->n--;
			} else if (pasted_before && out->n > first) {
				struct ptok r = a->n ? a->v[0] : (struct ptok){ .s = "" };

				out->v[out->n - 1] = paste(p, out->v[out->n - 1], r);
				k = 1;
			}
			if (!a->n && !pasted_before)
				push(p, out, (struct ptok){ .s = "", .space = b->v[i].space });
			for (; k < a->n; k++)
				push(p, out, a->v[k]);
			if (a->n && !pasted_before)
				out->v[out->n - a->n].space = b->v[i].space;
		} else if (prm >= 0) {
			if (!have[prm]) {
				struct tlist copy = { 0 };

				append(p, &copy, &args[prm]);
				expand(p, &copy, &done[prm]);
				free(copy.v);
				have[prm] = true;
			}
			append(p, out, &done[prm]);
			if (done[prm].n)
				out->v[out->n - done[prm].n].space = b->v[i].space;
		} else if (pasted_before && out->n > first) {
			out->v[out->n - 1] = paste(p, out->v[out->n - 1], b->v[i]);
		} else {
			push(p, out, b->v[i]);
		}
	}
	/* drop placemarkers, add the hide set */
	{
		size_t w = first;

		for (size_t i = first; i < out->n; i++) {
			if (!out->v[i].n)
				continue;
			out->v[w] = out->v[i];
			out->v[w].hs = hs_make(p, out->v[i].hs, hs, -1, false);
			w++;
		}
		out->n = w;
	}
	for (size_t i = 0; i < d->params.n; i++)
		free(done[i].v);
	free(done);
	free(have);
}

/* __LINE__ and __FILE__ as at the invocation; other builtins stay for GCC. */
static bool builtin(struct pp *p, const struct ptok *k, struct tlist *out)
{
	const char *fname;
	unsigned line, n;
	struct strbuf sb = { 0 };

	if (is(k, "__COUNTER__") && !p->watch) {
		p->failed = true;	/* its value depends on everything before */
		return true;
	}
	if (is(k, "__COUNTER__")) {	/* what # and ## take does not depend on it */
		push(p, out, (struct ptok){ .s = "0", .n = 1, .space = k->space, .hs = k->hs });
		return true;
	}
	if (!is(k, "__LINE__") && !is(k, "__FILE__"))
		return false;
	fname = model_presumed(p->m, p->file, p->off, &line);
	if (is(k, "__LINE__")) {
		sb_addf(&sb, "%u", line);
	} else {
		sb_adds(&sb, "\"");
		for (const char *c = fname; *c; c++)
			sb_addf(&sb, "%s%c", *c == '"' || *c == '\\' ? "\\" : "", *c);
		sb_adds(&sb, "\"");
	}
	n = (unsigned)sb.len;
	push(p, out, (struct ptok){ .s = keep(p, sb_detach(&sb)), .n = n, .space = k->space,
				    .hs = k->hs });
	return true;
}

/*
 * A macro name left unexpanded because it is being expanded ("painted"):
 * written out, GCC would expand it again when it compiles lp.c, which is
 * harmless only for "#define x x" (stringized or pasted, it is gone).
 */
static bool identity(struct pp *p, int idx)
{
	struct mdef d;
	bool same;

	read_def(p, idx, &d);
	same = !p->m->macros[idx].function_like && d.body.n == 1 &&
	       d.body.v[0].n == strlen(p->m->macros[idx].name) &&
	       !memcmp(d.body.v[0].s, p->m->macros[idx].name, d.body.v[0].n);
	release_def(&d);
	return same;
}

/* Expand in (consumed) into out. */
static void expand(struct pp *p, struct tlist *in, struct tlist *out)
{
	size_t i = 0;

	while (i < in->n && !p->failed) {
		struct ptok k = in->v[i];
		int idx = lookup(p, &k), canon;
		struct mdef d;
		struct tlist body = { 0 }, *args = NULL, rest = { 0 };
		size_t close = i, n_args = 0;

		canon = idx >= 0 ? model_macro_first(p->m, p->m->macros[idx].name) : -1;
		if (idx >= 0 && hs_has(p, k.hs, canon) && !identity(p, idx))
			k.painted = true;	/* harmless unless it reaches the output */
		if (idx < 0 || hs_has(p, k.hs, canon) ||
		    (p->m->macros[idx].function_like && (i + 1 >= in->n || !is(&in->v[i + 1], "(")))) {
			k.scanned = true;
			if (idx >= 0 || !builtin(p, &k, out))
				push(p, out, k);
			i++;
			continue;
		}
		read_def(p, idx, &d);
		if (p->m->macros[idx].function_like) {
			close = collect_args(in, i + 1, &d, &args, &n_args);
			if (!close || n_args > (d.params.n ? d.params.n : 1) ||
			    (n_args + 1 < d.params.n) ||
			    (n_args + 1 == d.params.n && !d.variadic)) {
				p->failed = true;	/* unbalanced, or a wrong count */
			}
		}
		if (!p->failed) {
			/* Prosser: (HS(name) ∩ HS(")")) ∪ {name} */
			int hs = close > i ? hs_make(p, k.hs, in->v[close].hs, canon, true) :
					     hs_make(p, k.hs, -1, canon, false);
			substitute(p, &d, args, hs, &body);
			if (body.n)
				body.v[0].space = k.space;
		}
		/* rescan: the replacement, then what follows the invocation */
		append(p, &rest, &body);
		for (size_t r = close + 1; r < in->n; r++)
			push(p, &rest, in->v[r]);
		free(in->v);
		*in = rest;
		i = 0;
		for (size_t a = 0; args && a < (d.params.n ? d.params.n : 1); a++)
			free(args[a].v);
		free(args);
		free(body.v);
		release_def(&d);
	}
}

static const char *renamed(const struct ptok *k, const char *text, unsigned start, unsigned end,
			   const struct pp_rename *ren, size_t n_ren)
{
	bool written = k->s >= text + start && k->s < text + end;

	for (size_t i = 0; is_ident(k) && i < n_ren; i++) {
		if (written ? ren[i].offset != (unsigned)(k->s - text) : ren[i].offset != PP_ANY)
			continue;
		if (strlen(ren[i].name) == k->n && !memcmp(ren[i].name, k->s, k->n))
			return ren[i].text;
	}
	return NULL;
}

/* Tokens as text: their own blanks, plus one where two would run together. */
static void write_tokens(const struct pp *p, const struct tlist *l, unsigned start, unsigned end,
			 const struct pp_rename *ren, size_t n_ren, struct strbuf *sb)
{
	const char *text = p->m->files[p->file].text;

	for (size_t i = 0; i < l->n; i++) {
		const struct ptok *a = i ? &l->v[i - 1] : NULL, *b = &l->v[i];
		const char *r = renamed(b, text, start, end, ren, n_ren);

		if (a && (b->space || (!strchr("()[]{},;", a->s[0]) && !strchr("()[]{},;", b->s[0]))))
			sb_adds(sb, " ");
		if (r)
			sb_adds(sb, r);
		else
			sb_addn(sb, b->s, b->n);
	}
}

static bool any_painted(const struct tlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].painted)
			return true;
	return false;
}

/* The expansion of [start, end) in p, or NULL; p is released. */
static char *run(struct pp *p, unsigned start, unsigned end, const struct pp_rename *ren,
		 size_t n_ren)
{
	struct tlist in = { 0 }, out = { 0 };
	struct strbuf sb = { 0 };

	p->start = start;
	p->end = end;
	p->off = start;
	*ARRAY_PUSH(p->sets, p->n_sets, p->cap_sets) = (struct hset){ NULL, 0 };
	lex_range(p->m->files[p->file].text, start, end, &in);
	expand(p, &in, &out);
	p->failed |= !p->watch && any_painted(&out);
	if (!p->failed) {
		write_tokens(p, &out, start, end, ren, n_ren, &sb);
		sb_adds(&sb, "");
	}
	free(in.v);
	free(out.v);
	for (size_t i = 0; i < p->n_sets; i++)
		free(p->sets[i].v);
	free(p->sets);
	strlist_release(&p->strs);
	if (p->failed)
		sb_release(&sb);
	return p->failed ? NULL : sb_detach(&sb);
}

char *pp_expand_invocation(struct model *m, int file, unsigned start, unsigned end,
			   const struct strlist *keep, const struct pp_rename *ren, size_t n_ren)
{
	struct pp p = { .m = m, .keep = keep, .file = file };

	return run(&p, start, end, ren, n_ren);
}

int pp_hashed_uses(struct model *m, int file, unsigned start, unsigned end,
		   const struct strlist *keep, const struct strlist *watch,
		   struct pp_use **uses, size_t *n_uses)
{
	struct pp p = { .m = m, .keep = keep, .file = file, .watch = watch };
	char *text = run(&p, start, end, NULL, 0);

	*uses = p.uses;
	*n_uses = p.n_uses;
	if (text) {
		free(text);
		return 0;
	}
	free(p.uses);
	*uses = NULL;
	*n_uses = 0;
	return -1;
}
