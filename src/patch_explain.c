/*
 * --patch: saying what happened when the object comparison alone would
 * mislead. A function with a symbol in only one of the two builds was not
 * necessarily added or removed by the patch: GCC may have inlined it into
 * all its callers in one build and not in the other (the IPA clones dump of
 * that build says so), or dropped it once nothing called it. A patch that
 * changes no function's code either changes only comments and formatting
 * or changes code GCC compiles away (dead code).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/patch_explain.h"
#include "klp-ccp/patch_read.h"

/* ---- function definitions in source text ---- */

/* A top-level function definition: its name and its lines. */
struct fn_def {
	char name[128];
	unsigned first, last;
};

struct fn_defs {
	struct fn_def *v;
	size_t n, cap;
};

static bool starts_ident(const char *t, size_t i)
{
	return is_ident_char((unsigned char)t[i]) && (!i || !is_ident_char((unsigned char)t[i - 1]));
}

static bool all_caps(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] >= 'a' && t[i] <= 'z')
			return false;
	return true;
}

/*
 * name: the identifier, or for a macro defining the function (an all-caps
 * name: SYSCALL_DEFINE4(msgsnd, ...)) the macro with its first argument.
 */
static void macro_head(const char *t, size_t id, size_t id_len, size_t paren, size_t end,
		       char *name, size_t size)
{
	size_t a = paren + 1, n;

	while (a < end && (t[a] == ' ' || t[a] == '\t'))
		a++;
	for (n = 0; a + n < end && is_ident_char((unsigned char)t[a + n]); n++)
		;
	if (all_caps(t + id, id_len) && n)
		snprintf(name, size, "%.*s(%.*s)", (int)id_len, t + id, (int)n, t + a);
	else
		snprintf(name, size, "%.*s", (int)id_len, t + id);
}

/*
 * The declarator name of a definition head [start, end): the identifier just
 * before its first '(' outside parentheses, attributes skipped; empty when the
 * head is no function's ("struct s {", "int a[] = {").
 */
static void head_name(const char *t, size_t start, size_t end, char *name, size_t size)
{
	size_t last = 0, last_len = 0;

	*name = '\0';
	for (size_t i = start; i < end; i++) {
		size_t j = lex_skip(t, end, i);

		if (j != i) {
			i = j - 1;
		} else if (t[i] == '=' || t[i] == ';') {
			return;
		} else if (starts_ident(t, i)) {
			for (last = i; i < end && is_ident_char((unsigned char)t[i]); i++)
				;
			last_len = i - last;
			i--;
		} else if (t[i] == '(' && last_len) {
			if (!strncmp(t + last, "__attribute", 11)) {
				last_len = 0;
				continue;
			}
			macro_head(t, last, last_len, i, end, name, size);
			return;
		}
	}
}

/* Past the preprocessor line starting at i (continuations included). */
static size_t skip_directive(const char *t, size_t len, size_t i)
{
	while (i < len && t[i] != '\n') {
		size_t j = lex_skip(t, len, i);

		i = j != i ? j : i + 1 + (t[i] == '\\' && i + 1 < len);
	}
	return i;
}

/*
 * Lines the head [head, brace) spans before the brace's line (a changed
 * parameter is in the function).
 */
static unsigned head_lines(const char *t, size_t head, size_t brace)
{
	unsigned n = 0;

	for (size_t j; head < brace; head = j) {	/* blanks and comments before it are not its lines */
		j = lex_skip(t, brace, head);
		if (j == head && !strchr(" \t\r\n\f", t[head]))
			break;
		j += j == head;
	}
	for (; head < brace; head++)
		n += t[head] == '\n';
	return n;
}

static void find_defs(const char *t, struct fn_defs *d)
{
	size_t len = strlen(t), head = 0;
	unsigned line = 1, depth = 0;
	struct fn_def cur = { { 0 }, 0, 0 };
	bool bol = true;

	for (size_t i = 0; i < len; i++) {
		size_t j = lex_skip(t, len, i);

		if (bol && t[i] == '#') {
			j = skip_directive(t, len, i);
			if (!depth)
				head = j;	/* a directive is no part of a definition head */
		}
		for (size_t k = i; k < j; k++)
			line += t[k] == '\n';
		if (j != i) {
			i = j - 1;
			continue;
		}
		bol = t[i] == '\n' || (bol && (t[i] == ' ' || t[i] == '\t'));
		line += t[i] == '\n';
		if (t[i] == '{' && !depth++) {
			head_name(t, head, i, cur.name, sizeof(cur.name));
			cur.first = line - head_lines(t, head, i);
		} else if (t[i] == '}' && depth && !--depth) {
			cur.last = line;
			if (*cur.name)
				*ARRAY_PUSH(d->v, d->n, d->cap) = cur;
			head = i + 1;
		} else if (t[i] == ';' && !depth) {
			head = i + 1;
		}
	}
}

/* The function of the definitions containing line, or NULL. */
static const struct fn_def *def_at(const struct fn_defs *d, unsigned line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].first <= line && line <= d->v[i].last)
			return &d->v[i];
	return NULL;
}

static bool defines(const char *path, const char *name)
{
	char *text = read_file(path, NULL);
	struct fn_defs d = { 0 };
	bool found = false;

	if (!text)
		return false;
	find_defs(text, &d);
	for (size_t i = 0; i < d.n && !found; i++)
		found = !strcmp(d.v[i].name, name);
	free(d.v);
	free(text);
	return found;
}

/* ---- functions with code in one build only ---- */

static char *joined(const struct strlist *l)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < l->n; i++)
		sb_addf(&sb, "%s'%s'", i ? ", " : "", l->v[i]);
	return sb_detach(&sb);
}

/* The surviving functions of g holding code of name (inlined into them). */
static void holders(struct ipa_graph *g, const char *name, struct strlist *out)
{
	char *names[1] = { (char *)name };
	struct ipa_affected *aff = NULL;
	struct strlist removed = { 0 };
	size_t n = 0;

	if (g && !ipa_affected_by(g, names, 1, &aff, &n, &removed))
		for (size_t i = 0; i < n; i++)
			if (!strlist_contains(out, aff[i].name))
				strlist_push(out, aff[i].name);
	ipa_affected_free(aff, n);
	strlist_release(&removed);
}

/* "which are patched" / "which are patched, and B, whose code did not change" */
static char *fate_of(const struct strlist *in, const struct strlist *changed)
{
	struct strlist yes = { 0 }, no = { 0 };
	char *a, *b, *s;

	for (size_t i = 0; i < in->n; i++)
		strlist_push(strlist_contains(changed, in->v[i]) ? &yes : &no, in->v[i]);
	a = joined(&yes);
	b = joined(&no);
	if (!no.n)
		s = xasprintf("%s, %s patched", a, yes.n > 1 ? "which are" : "which is");
	else if (!yes.n)
		s = xasprintf("%s (not patched: %s code did not change)", b, no.n > 1 ? "their" : "its");
	else
		s = xasprintf("%s, patched, and %s (not patched: code unchanged)", a, b);
	free(a);
	free(b);
	strlist_release(&yes);
	strlist_release(&no);
	return s;
}

/*
 * name has a symbol in one build only (removed: the original's). Unless the
 * patch deletes (adds) its definition, say why: GCC inlined it into all its
 * callers in the other build (that build's dump g says into which), or
 * emitted no code for it there, nothing calling it. false: not told.
 */
static bool explain_one(const struct patch_explain_ctx *c, const char *name,
			struct ipa_graph *g, const struct strlist *changed, bool removed)
{
	const char *verb = removed ? "removed" : "added", *other = removed ? "patched" : "original";
	struct strlist in = { 0 };
	bool told = true;

	holders(g, name, &in);
	if (in.n) {
		char *fate = fate_of(&in, changed);

		diag_note("'%s' is not %s by the patch: GCC inlined it into all its callers in the %s build, so it has no symbol there; it is inlined into %s%s",
			  name, verb, other, fate, removed ? "" : " (copied where used)");
		free(fate);
	} else if (patch_explain_defined(c, name, removed) || !patch_explain_defined(c, name, !removed)) {
		diag_note("'%s' is not %s by the patch: nothing calls it in the %s build, so GCC emitted no code for it there%s",
			  name, verb, other, removed ? "" : " (copied where used)");
	} else {
		told = false;
	}
	strlist_release(&in);
	return told;
}

static struct ipa_graph *load_dump(const char *dir)
{
	struct strlist paths = { 0 };
	struct ipa_graph *g;

	strlist_push(&paths, dir);
	g = ipa_load(&paths);	/* NULL (with errors) only for a broken dump: GCC wrote it */
	strlist_release(&paths);
	return g;
}

/* Keep in *l the names explain_one() did not tell about. */
static void explain_list(const struct patch_explain_ctx *c, struct strlist *l,
			 struct ipa_graph *g, const struct strlist *changed, bool removed)
{
	struct strlist kept = { 0 };

	for (size_t i = 0; i < l->n; i++)
		if (!explain_one(c, l->v[i], g, changed, removed))
			strlist_push(&kept, l->v[i]);
	strlist_release(l);
	*l = kept;
}

void patch_explain_moved(const struct patch_explain_ctx *c, struct changed_result *r)
{
	struct ipa_graph *orig, *patched;

	if (!r->removed.n && !r->added.n)
		return;
	orig = load_dump(c->orig_dump);
	patched = load_dump(c->patched_dump);
	explain_list(c, &r->removed, patched, &r->changed, true);
	explain_list(c, &r->added, orig, &r->changed, false);
	ipa_free(orig);
	ipa_free(patched);
}

bool patch_explain_defined(const struct patch_explain_ctx *c, const char *name, bool patched)
{
	for (size_t i = 0; i < c->pi->n; i++) {
		const char *rel = c->pi->files[i].path;
		char *path = patched ? xasprintf("%s/%s", c->tree, rel) : xstrdup(rel);
		bool yes = defines(path, name);

		free(path);
		if (yes)
			return true;
	}
	return false;
}

/* ---- a patch no function's code shows ---- */

/*
 * The text as the compiler's tokens see it: comments and line splices gone,
 * whitespace kept only between two identifier characters and as the end of
 * a directive line; literals verbatim.
 */
static char *token_text(const char *t)
{
	struct strbuf sb = { 0 };
	size_t len = strlen(t);
	bool blank = false, bol = true, directive = false;

	for (size_t i = 0; i < len; i++) {
		size_t j = lex_skip(t, len, i);
		bool comment = j != i && t[i] == '/';

		if (t[i] == '\\' && t[i + 1] == '\n') {
			i++;
			continue;
		}
		if (comment || t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\f' ||
		    (t[i] == '\n' && !directive)) {
			blank = true;
			bol |= t[i] == '\n';
			i = comment ? j - 1 : i;
			continue;
		}
		if (t[i] == '\n') {
			sb_addf(&sb, "\n");
			directive = false;
			bol = true;
			blank = false;
			continue;
		}
		if (blank && sb.len && is_ident_char((unsigned char)sb.buf[sb.len - 1]) &&
		    is_ident_char((unsigned char)t[i]))
			sb_addf(&sb, " ");
		directive |= bol && t[i] == '#';
		bol = blank = false;
		sb_addn(&sb, t + i, (j != i ? j : i + 1) - i);
		i = j != i ? j - 1 : i;
	}
	return sb.buf ? sb_detach(&sb) : xstrdup("");
}

static bool same_tokens(const char *a_path, const char *b_path)
{
	char *a = read_file(a_path, NULL), *b = read_file(b_path, NULL);	/* NULL: deleted, created */
	char *ta = a ? token_text(a) : NULL, *tb = b ? token_text(b) : NULL;
	bool same = ta && tb && !strcmp(ta, tb);

	free(a);
	free(b);
	free(ta);
	free(tb);
	return same;
}

/* Which lines of t hold tokens (not only blanks and comments); [0] unused. */
static bool *token_lines(const char *t, unsigned *n_lines)
{
	size_t len = strlen(t);
	unsigned line = 1, n = 1;
	bool *v;

	for (size_t i = 0; i < len; i++)
		n += t[i] == '\n';
	v = xcalloc(n + 2, sizeof(bool));
	for (size_t i = 0; i < len; i++) {
		size_t j = lex_skip(t, len, i);
		bool comment = j != i && t[i] == '/';

		if (!comment && !strchr(" \t\r\n\f", t[i]))
			v[line] = true;
		for (size_t k = i; k < (j != i ? j : i + 1); k++)
			line += t[k] == '\n';
		i = j != i ? j - 1 : i;
	}
	*n_lines = n;
	return v;
}

/* A span of changed lines holding only comments and blanks (a deletion: unknown, no). */
static bool span_cosmetic(const struct line_span *sp, const bool *tokens, unsigned n_lines)
{
	if (sp->last < sp->first)
		return false;
	for (unsigned l = sp->first; l <= sp->last && l <= n_lines; l++)
		if (tokens[l])
			return false;
	return true;
}

/* place s (owned) into out, unless function f is there already (at its first change) */
static void push_place(struct strlist *out, const struct fn_def *f, char *s)
{
	for (size_t k = 0; f && k < out->n; k++)
		if (!strncmp(out->v[k], s, strlen(f->name) + 3)) {	/* "'name' (" */
			free(s);
			return;
		}
	strlist_push_owned(out, s);
}

/* "'f' (x.c:12)" for each function with a changed span; "x.c:3" outside any. */
static void changed_places(const struct patch_explain_ctx *c, const struct patch_file *pf,
			   struct strlist *out)
{
	char *path = xasprintf("%s/%s", c->tree, pf->path), *text = read_file(path, NULL);
	struct fn_defs d = { 0 };
	unsigned n_lines;
	bool *tokens;

	free(path);
	if (!text)
		return;
	find_defs(text, &d);
	tokens = token_lines(text, &n_lines);
	for (size_t i = 0; i < pf->n_spans; i++) {
		const struct fn_def *f = def_at(&d, pf->spans[i].first);
		char *s;

		if (span_cosmetic(&pf->spans[i], tokens, n_lines))
			continue;
		s = f ? xasprintf("'%s' (%s:%u)", f->name, pf->path, pf->spans[i].first) :
			xasprintf("%s:%u (outside any function)", pf->path, pf->spans[i].first);
		push_place(out, f, s);
	}
	free(tokens);
	free(d.v);
	free(text);
}

char *patch_explain_no_code(const struct patch_explain_ctx *c)
{
	struct strlist places = { 0 };
	bool cosmetic = true;
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < c->pi->n; i++) {
		char *patched = xasprintf("%s/%s", c->tree, c->pi->files[i].path);

		if (!same_tokens(c->pi->files[i].path, patched)) {
			cosmetic = false;
			changed_places(c, &c->pi->files[i], &places);
		}
		free(patched);
	}
	if (cosmetic)
		return xstrdup("it changes only comments or formatting");
	sb_addf(&sb, "GCC compiled the change away: the source changed");
	for (size_t i = 0; i < places.n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : " in ", places.v[i]);
	sb_addf(&sb, ", the code of no function did (dead code to GCC)");
	strlist_release(&places);
	return sb_detach(&sb);
}
