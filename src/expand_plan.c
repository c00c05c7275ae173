/*
 * Renamed names that # or ## consume. lp.c renames a reference either by
 * editing the written token or, for the whole unit, by "#define OLD NEW";
 * neither keeps the original spelling where the preprocessor stringizes or
 * pastes the name after it has looked at it for expansion: an argument
 * passed on to a macro that stringizes it (its expansion would see the
 * #define), a macro called through a parameter (APPLY(STR, f) -> STR(f)),
 * a name made by ## and then stringized. The real expansion of each written
 * invocation (pp_expand.c, with hide sets) tells which: such invocations
 * are written expanded, with their references renamed in the expansion.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/expand_plan.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/pp_expand.h"

static bool renames(const struct entity *e)
{
	return e->new_name || e->pointer;
}

static bool in_sites(const struct arg_site *v, size_t n, unsigned off)
{
	for (size_t i = 0; i < n; i++)
		if (off >= v[i].start && off < v[i].end)
			return true;
	return false;
}

bool plan_expands(const struct expand_plan *pl, unsigned off)
{
	return in_sites(pl->expand, pl->n_expand, off);
}

bool plan_by_define(const struct expand_plan *pl, unsigned off)
{
	for (size_t i = 0; i < pl->n_by_define; i++)
		if (pl->by_define[i] == off)
			return true;
	return false;
}

const struct arg_site *plan_unknown(const struct expand_plan *pl, unsigned off)
{
	for (size_t i = 0; i < pl->n_unknown; i++)
		if (off >= pl->unknown[i].start && off < pl->unknown[i].end)
			return &pl->unknown[i];
	return NULL;
}

void plan_release(struct expand_plan *pl)
{
	free(pl->expand);
	free(pl->by_define);
	free(pl->unknown);
	memset(pl, 0, sizeof(*pl));
}

/* Is offset off of the file on a directive line (# first on its line)? */
static bool in_directive(const char *t, unsigned off)
{
	while (off && t[off - 1] != '\n')
		off--;
	while (t[off] == ' ' || t[off] == '\t')
		off++;
	return t[off] == '#';
}

/* Past blanks and comments from i. */
static size_t skip_blanks(const char *t, size_t end, size_t i)
{
	while (i < end) {
		size_t j = lex_skip(t, end, i);

		if (j != i && t[i] == '/')
			i = j;
		else if (strchr(" \t\r\n\\", t[i]))
			i++;
		else
			break;
	}
	return i;
}

/*
 * The outermost macro invocations written in the unit, in order: the name,
 * and its arguments when a "(" follows (an object-like macro may expand to
 * a function-like one's name that takes them).
 */
static void unit_invocations(struct model *m, const struct unit *u, struct arg_site **v,
			     size_t *n)
{
	const struct file_uses *fu = &m->uses[u->file];
	const char *t = m->files[u->file].text;
	size_t cap = 0;
	unsigned last = 0;

	*v = NULL;
	*n = 0;
	for (size_t i = 0; i < fu->n; i++) {
		unsigned off = fu->v[i].offset, end = off;
		int idx;
		size_t paren;

		if (off < u->start || off >= u->end || off < last || in_directive(t, off))
			continue;
		idx = model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor));
		if (idx < 0)
			continue;
		while (end < u->end && is_ident_char((unsigned char)t[end]))
			end++;
		paren = skip_blanks(t, u->end, end);
		if (paren < u->end && t[paren] == '(') {
			struct strlist args = { 0 };
			size_t close = lex_macro_args(t, u->end, paren, &args);

			strlist_release(&args);
			if (close > u->end || t[close - 1] != ')')
				continue;	/* unbalanced in this unit */
			end = (unsigned)close;
		}
		*ARRAY_PUSH(*v, *n, cap) = (struct arg_site){ m->macros[idx].name, off, end };
		last = end;
	}
}

/* Names of the renamed entities, once each (a map: 20,000 patched functions). */
void plan_renamed_names(struct model *m, struct strlist *out)
{
	struct strmap seen = { 0 };

	for (size_t i = 0; i < m->n_ents; i++)
		if (renames(&m->ents[i]) && strmap_get(&seen, m->ents[i].name) < 0) {
			strmap_put(&seen, m->ents[i].name, 1);
			strlist_push(out, m->ents[i].name);
		}
	strmap_release(&seen);
}

/* Does [start, end) spell one of names, or hold a reference a macro body made? */
static bool involves(struct model *m, int unit, const struct arg_site *at,
		     const struct strlist *names)
{
	const char *t = m->files[m->units[unit].file].text;
	size_t pos = at->start, is, n;
	int idx = model_macro_first(m, at->macro);

	if (idx >= 0 && m->macros[idx].needed)
		return true;	/* re-emitted with renames in its body */
	while (lex_next_ident(t, at->end, &pos, &is, &n))
		for (size_t i = 0; i < names->n; i++)
			if (strlen(names->v[i]) == n && !memcmp(names->v[i], t + is, n))
				return true;
	for (size_t i = 0; i < m->n_sites; i++) {
		const struct site *s = &m->sites[i];

		if (s->unit == unit && !s->in_text && s->offset >= at->start &&
		    s->offset < at->end && renames(&m->ents[s->entity]))
			return true;
	}
	return false;
}

/* A written reference to a renamed entity at off in the unit? */
static bool renamed_reference_at(struct model *m, int unit, unsigned off)
{
	for (size_t i = 0; i < m->n_sites; i++) {
		const struct site *s = &m->sites[i];

		if (s->unit == unit && s->in_text && s->kind == SITE_REF && s->offset == off &&
		    renames(&m->ents[s->entity]))
			return true;
	}
	return false;
}

/* Can lp.c write the invocation expanded (see pp_expand_invocation())? */
static bool expandable(struct model *m, int unit, const struct arg_site *at,
		       const struct strlist *keep)
{
	char *text = pp_expand_invocation(m, m->units[unit].file, at->start, at->end, keep,
					  NULL, 0);

	free(text);
	return text != NULL;
}

/*
 * What the uses of one invocation need: expansion, or #define renames.
 * One that needs expansion but cannot have it (__COUNTER__) is unknown.
 */
static void decide_references(struct model *m, int unit, const struct arg_site *at,
			      const struct pp_use *uses, size_t n, const struct strlist *keep,
			      struct expand_plan *pl)
{
	bool expand = false;

	for (size_t i = 0; i < n && !expand; i++) {
		const struct pp_use *u = &uses[i];

		if (u->emitted)
			expand = true;
		else if (u->offset != PP_ANY && renamed_reference_at(m, unit, u->offset))
			expand = u->flags & PP_HASHED_SCANNED;
	}
	if (expand && expandable(m, unit, at, keep))
		*ARRAY_PUSH(pl->expand, pl->n_expand, pl->cap_expand) = *at;
	else if (expand)
		*ARRAY_PUSH(pl->unknown, pl->n_unknown, pl->cap_unknown) = *at;
	if (expand)
		return;
	for (size_t i = 0; i < n; i++)
		if (uses[i].offset != PP_ANY && !plan_by_define(pl, uses[i].offset) &&
		    renamed_reference_at(m, unit, uses[i].offset))
			*ARRAY_PUSH(pl->by_define, pl->n_by_define, pl->cap_by_define) =
				uses[i].offset;
}

void plan_references(struct model *m, int unit, const struct strlist *names,
		     const struct strlist *keep, struct expand_plan *pl)
{
	struct arg_site *inv;
	size_t n_inv;

	if (!names->n)
		return;
	unit_invocations(m, &m->units[unit], &inv, &n_inv);
	for (size_t i = 0; i < n_inv; i++) {
		struct pp_use *uses;
		size_t n;

		if (!involves(m, unit, &inv[i], names))
			continue;
		if (pp_hashed_uses(m, m->units[unit].file, inv[i].start, inv[i].end, keep,
				   names, &uses, &n)) {
			*ARRAY_PUSH(pl->unknown, pl->n_unknown, pl->cap_unknown) = inv[i];
			continue;
		}
		decide_references(m, unit, &inv[i], uses, n, keep, pl);
		free(uses);
	}
	free(inv);
}

void plan_defines(struct model *m, int unit, const struct strlist *names,
		  const struct strlist *keep, struct expand_plan *pl)
{
	struct strlist olds = { 0 };
	struct arg_site *inv;
	size_t n_inv;

	for (size_t i = 0; names && i < names->n; i++) {
		const char *sp = strchr(names->v[i], ' ');

		if (sp && strncmp(sp, " = ", 3))
			strlist_push_owned(&olds, xstrndup(names->v[i], (size_t)(sp - names->v[i])));
	}
	unit_invocations(m, &m->units[unit], &inv, &n_inv);
	for (size_t i = 0; olds.n && i < n_inv; i++) {
		struct pp_use *uses;
		size_t n;
		bool expand = false;

		if (plan_expands(pl, inv[i].start) || plan_unknown(pl, inv[i].start) ||
		    pp_hashed_uses(m, m->units[unit].file, inv[i].start, inv[i].end, keep,
				   &olds, &uses, &n))
			continue;
		for (size_t k = 0; k < n; k++)
			expand |= (uses[k].flags & PP_HASHED_SCANNED) != 0;
		if (expand && expandable(m, unit, &inv[i], keep))
			*ARRAY_PUSH(pl->expand, pl->n_expand, pl->cap_expand) = inv[i];
		else if (expand)
			diag_warning_at(m->files[m->units[unit].file].name,
					model_line_of(m, m->units[unit].file, inv[i].start), 0,
					"a name lp.c renames by #define reaches # or ## inside '%s(...)' after an expansion, but that invocation cannot be written expanded exactly: its text now spells the new name",
					inv[i].macro);
		free(uses);
	}
	free(inv);
	strlist_release(&olds);
}
