/*
 * Macros nested in a copied unit's invocation that make only stubs nobody
 * needs (see unneeded_stub_macros()). Read by naming.c (such stubs are not
 * renamed) and rewrite.c (they are defined empty around the unit).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/lexer.h"
#include "klp-ccp/macro_args.h"
#include "klp-ccp/stub_macros.h"

/*
 * One SYSCALL_DEFINE3(open, ...) defines __se_sys_open, __do_sys_open and
 * the stubs __x64_sys_open and __ia32_sys_open. A global function the
 * closure does not need would be a copy to rename; better, the macro that
 * makes only such things (__IA32_SYS_STUBx) is defined empty for the unit.
 * Finding it takes expanding the invocation: a small expander over macro
 * texts records, for each nested invocation, the names its expansion
 * declares.
 */
struct xrecord {
	int macro;
	int parent;		/* record of the enclosing invocation, -1 none */
	char *text;		/* its expansion */
	struct strlist names;	/* declared by its expansion */
};

struct expander {
	struct model *m;
	int file;		/* where the unit is: which definitions are in effect */
	unsigned off;
	const char *active[64];	/* macros being expanded: not expanded again */
	int depth;
	size_t budget;		/* bytes of output left before giving up */
	struct xrecord *rec;
	size_t n_rec, cap_rec;
	int cur;		/* record being expanded, -1 none */
};

static int macro_in_effect(struct expander *x, const char *name, size_t n)
{
	char buf[256];
	int best = -1;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, name, n);
	buf[n] = '\0';
	for (int d = 0; d < x->depth; d++)
		if (!strcmp(x->active[d], buf))
			return -1;
	for (int i = model_macro_first(x->m, buf); i >= 0; i = x->m->macros[i].next_same_name) {
		const struct macro_def *md = &x->m->macros[i];

		if (md->file >= 0 &&
		    model_compare_pos(x->m, md->file, md->start, x->file, x->off) < 0)
			best = i;
	}
	return best;
}

static bool attribute_like(const char *t, size_t n)
{
	static const char *const words[] = { "__attribute__", "__attribute", "__typeof__",
		"__typeof", "typeof", "_Alignas", "__asm__", "__asm", "asm", "sizeof",
		"__alignof__", "_Static_assert", NULL };

	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !memcmp(words[i], t, n))
			return true;
	return false;
}

/* The name each top-level declaration of (expanded) text declares. */
static void declared_names(const char *t, struct strlist *names)
{
	size_t len = strlen(t), last = 0, last_n = 0;
	int depth = 0;
	bool named = false, fn = false;
	char prev = 0;

	for (size_t i = 0; i < len; i++) {
		size_t j = lex_skip(t, len, i);
		char c = t[i];

		if (j != i) {
			i = j - 1;
			continue;
		}
		if (strchr(" \t\r\n\\", c))
			continue;
		if (is_ident_start((unsigned char)c)) {
			for (j = i; j < len && is_ident_char((unsigned char)t[j]); j++)
				;
			if (!depth)
				last = i, last_n = j - i;
			i = j - 1;
		} else if (c == '(' || c == '[' || c == '{') {
			if (!depth && c == '{')
				fn = prev == ')';
			else if (!depth && !named && last_n && !attribute_like(t + last, last_n))
				strlist_push_owned(names, xstrndup(t + last, last_n)), named = true;
			depth++;
		} else if (c == ')' || c == ']' || c == '}') {
			if (--depth == 0 && c == '}' && fn)
				named = fn = false, last_n = 0;
		} else if (!depth && (c == ';' || c == '=' || c == ',')) {
			if (!named && last_n)
				strlist_push_owned(names, xstrndup(t + last, last_n));
			named = c == '=';
			if (c != '=')
				last_n = 0;
		}
		prev = c;
	}
}

static char *expand_text(struct expander *x, const char *t, size_t len);

static char *expand_invocation(struct expander *x, int idx, const struct strlist *args)
{
	const struct macro_def *md = &x->m->macros[idx];
	const struct kfile *kf = &x->m->files[md->file];
	struct strlist params = { 0 }, a = { 0 };
	unsigned body = macro_params(kf->text, md, &params);
	unsigned end = model_macro_end(x->m, md) + 1 <= kf->len ? model_macro_end(x->m, md) + 1 :
								     (unsigned)kf->len;
	char *sub, *res;
	size_t r = 0;

	for (size_t i = 0; i < args->n; i++)
		strlist_push(&a, args->v[i]);
	macro_join_variadic(&params, &a);
	sub = macro_substitute(kf->text, body, end, &params, &a);
	if (md->function_like) {
		r = x->n_rec;
		ARRAY_PUSH(x->rec, x->n_rec, x->cap_rec);
		memset(&x->rec[r], 0, sizeof(x->rec[r]));
		x->rec[r].macro = idx;
		x->rec[r].parent = x->cur;
		x->cur = (int)r;
	}
	x->active[x->depth++] = md->name;
	res = expand_text(x, sub, strlen(sub));
	x->depth--;
	if (md->function_like) {
		x->cur = x->rec[r].parent;
		if (res) {
			declared_names(res, &x->rec[r].names);
			x->rec[r].text = xstrdup(res);
		}
	}
	free(sub);
	strlist_release(&params);
	strlist_release(&a);
	return res;
}

/* Macro-expand text; NULL when it grows beyond the budget or nests too deep. */
static char *expand_text(struct expander *x, const char *t, size_t len)
{
	struct strbuf out = { 0 };

	sb_adds(&out, "");
	for (size_t i = 0; i < len;) {
		size_t j = lex_skip(t, len, i), k;
		int idx;

		if (j != i || !is_ident_start((unsigned char)t[i])) {
			j = j != i ? j : i + 1;
			sb_addn(&out, t + i, j - i);
			i = j;
			continue;
		}
		for (j = i; j < len && is_ident_char((unsigned char)t[j]); j++)
			;
		idx = x->depth < 63 ? macro_in_effect(x, t + i, j - i) : -1;
		for (k = j; k < len && strchr(" \t\n\\", t[k]); k++)
			;
		if (idx >= 0 && (!x->m->macros[idx].function_like || (k < len && t[k] == '('))) {
			struct strlist args = { 0 };
			char *res;

			if (x->m->macros[idx].function_like)
				j = lex_macro_args(t, len, k, &args);
			res = expand_invocation(x, idx, &args);
			strlist_release(&args);
			if (!res) {
				sb_release(&out);
				return NULL;
			}
			sb_adds(&out, " ");
			sb_adds(&out, res);
			sb_adds(&out, " ");
			free(res);
		} else {
			sb_addn(&out, t + i, j - i);
		}
		i = j;
		if (out.len > x->budget) {
			sb_release(&out);
			return NULL;
		}
	}
	return sb_detach(&out);
}

static const struct entity *entity_named(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->n_ents; i++)
		if (!m->ents[i].local_static && !strcmp(m->ents[i].name, name))
			return &m->ents[i];
	return NULL;
}

/* A global function the unit defines that nothing needs. */
static bool is_bystander(const struct entity *e)
{
	return e->kind == ENT_FUNCTION && e->decision == DEC_NONE && !e->internal;
}

/* Does every expansion of macro idx declare only what nothing needs? */
static bool only_unneeded(struct model *m, const struct expander *x, int idx)
{
	bool bystander = false;

	for (size_t r = 0; r < x->n_rec; r++) {
		const struct strlist *n = &x->rec[r].names;

		if (x->rec[r].macro != idx)
			continue;
		for (size_t i = 0; i < n->n; i++) {
			const struct entity *e = entity_named(m, n->v[i]);

			if (!e || e->decision != DEC_NONE)
				return false;
			bystander |= is_bystander(e);
		}
	}
	return bystander;
}

static size_t count_ident(const char *t, const char *name)
{
	size_t pos = 0, is, n, len = strlen(name), end = strlen(t), k = 0;

	while (lex_next_ident(t, end, &pos, &is, &n))
		k += n == len && !memcmp(t + is, name, n);
	return k;
}

static bool chosen_above(const struct expander *x, int r, const struct strlist *chosen)
{
	for (r = x->rec[r].parent; r >= 0; r = x->rec[r].parent)
		if (strlist_contains(chosen, x->m->macros[x->rec[r].macro].name))
			return true;
	return false;
}

/*
 * Would a static function of the unit lose its last use (__se_sys_f, when
 * both stubs go because the patched function is __do_sys_f)? Uses are what
 * is left after its declarations.
 */
static bool leaves_unused(const struct expander *x, const char *unit_text,
			  const struct strlist *chosen)
{
	struct model *m = x->m;
	struct strlist decls = { 0 };
	bool unused = false;

	declared_names(unit_text, &decls);
	for (size_t i = 0; i < decls.n && !unused; i++) {
		const struct entity *e = entity_named(m, decls.v[i]);
		size_t uses = count_ident(unit_text, decls.v[i]), removed = 0, declared = 0;

		if (!e || !e->internal || e->kind != ENT_FUNCTION || e->decision == DEC_NONE)
			continue;
		for (size_t k = 0; k < decls.n; k++)
			declared += !strcmp(decls.v[k], decls.v[i]);
		for (size_t r = 0; r < x->n_rec; r++)
			if (x->rec[r].text && strlist_contains(chosen, m->macros[x->rec[r].macro].name) &&
			    !chosen_above(x, (int)r, chosen))
				removed += count_ident(x->rec[r].text, decls.v[i]);
		unused = uses <= removed + declared;
	}
	strlist_release(&decls);
	return unused;
}

/*
 * The macros to define empty around the copied unit: nested in its
 * invocation, every expansion of each declares nothing but functions and
 * objects nothing needs, one of them a global function; and no static
 * function of the unit is left without a use.
 */
void unneeded_stub_macros(struct model *m, int unit, struct strlist *out)
{
	const struct unit *u = &m->units[unit];
	const struct kfile *kf = &m->files[u->file];
	struct expander x = { .m = m, .file = u->file, .off = u->start, .budget = 1 << 20,
			      .cur = -1 };
	struct strlist chosen = { 0 };
	bool any = false;
	char *res;

	for (size_t c = 0; c < u->n_cursors && !any; c++) {
		int idx = model_entity_of(m, u->cursors[c]);

		any = idx >= 0 && is_bystander(&m->ents[idx]) &&
		      clang_isCursorDefinition(u->cursors[c]);
	}
	if (!any || !u->copy)
		return;
	res = expand_text(&x, kf->text + u->start, u->end - u->start);
	/* record 0 is the invocation itself */
	for (size_t r = 1; res && r < x.n_rec; r++) {
		const char *name = m->macros[x.rec[r].macro].name;

		if (!strlist_contains(&chosen, name) && only_unneeded(m, &x, x.rec[r].macro))
			strlist_push(&chosen, name);
	}
	if (res && chosen.n && !leaves_unused(&x, res, &chosen))
		for (size_t i = 0; i < chosen.n; i++)
			strlist_push(out, chosen.v[i]);
	free(res);
	strlist_release(&chosen);
	for (size_t r = 0; r < x.n_rec; r++) {
		strlist_release(&x.rec[r].names);
		free(x.rec[r].text);
	}
	free(x.rec);
}

/* Is e declared only by an unneeded stub macro of the unit (never emitted)? */
bool silenced_by_stub_macro(struct model *m, int unit, const struct entity *e)
{
	struct strlist macros = { 0 };
	struct expander x = { .m = m, .file = m->units[unit].file, .off = m->units[unit].start,
			      .budget = 1 << 20, .cur = -1 };
	bool found = false;
	char *res;

	unneeded_stub_macros(m, unit, &macros);
	if (!macros.n)
		return false;
	res = expand_text(&x, m->files[x.file].text + m->units[unit].start,
			  m->units[unit].end - m->units[unit].start);
	for (size_t r = 0; res && r < x.n_rec && !found; r++)
		if (strlist_contains(&macros, m->macros[x.rec[r].macro].name))
			found = strlist_contains(&x.rec[r].names, e->name);
	free(res);
	for (size_t r = 0; r < x.n_rec; r++) {
		strlist_release(&x.rec[r].names);
		free(x.rec[r].text);
	}
	free(x.rec);
	strlist_release(&macros);
	return found;
}
