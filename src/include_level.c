/*
 * __INCLUDE_LEVEL__ in the bodies of macros that text copied out of a
 * header invokes (include/klp-ccp/include_level.h). The macro's one
 * definition serves code at every depth, so it is redefined around the
 * copied unit only, the word replaced by the header's depth; GCC's own
 * __INCLUDE_LEVEL__ cannot be redefined and restored without a warning
 * ("undefining") that no option silences.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/include_level.h"
#include "klp-ccp/lexer.h"

static const char level_word[] = "__INCLUDE_LEVEL__";

unsigned include_level_of(const struct model *m, const struct unit *u)
{
	unsigned depth = 0;

	for (int f = m->files[u->file].includer; f >= 0 && depth < 200; f = m->files[f].includer)
		depth++;
	return depth;
}

static bool is_level(const char *t, size_t is, size_t n)
{
	return n == sizeof(level_word) - 1 && !memcmp(t + is, level_word, n);
}

/* The one definition of name lp.c can know is in effect, or -1. */
static int only_definition(struct model *m, const char *t, size_t is, size_t n)
{
	char *name = xstrndup(t + is, n);
	int idx = model_macro_first(m, name);

	free(name);
	return idx >= 0 && m->macros[idx].next_same_name < 0 && m->macros[idx].file >= 0 ? idx : -1;
}

struct level_walk {
	struct model *m;
	bool *seen;		/* per macro */
	int *todo;
	size_t n, cap;
};

static void visit(struct level_walk *lw, int idx)
{
	if (idx < 0 || lw->seen[idx] || lw->m->macros[idx].file < 0)
		return;
	lw->seen[idx] = true;
	*ARRAY_PUSH(lw->todo, lw->n, lw->cap) = idx;
}

/* The body's words: macros it invokes are visited; true when it says the level. */
static bool scan_body(struct level_walk *lw, const struct macro_def *md)
{
	const char *t = lw->m->files[md->file].text;
	size_t pos = md->start + strlen(md->name), is, n, end = model_macro_end(lw->m, md) + 1;
	bool level = false;

	if (end > lw->m->files[md->file].len)
		end = lw->m->files[md->file].len;
	while (lex_next_ident(t, end, &pos, &is, &n)) {
		if (is_level(t, is, n))
			level = true;
		else
			visit(lw, only_definition(lw->m, t, is, n));
	}
	return level;
}

/* "#define NAME..." with the level words replaced by depth. */
static char *redefinition(const struct model *m, const struct macro_def *md, unsigned depth)
{
	const char *t = m->files[md->file].text;
	size_t pos = md->start, done = md->start, is, n, end = model_macro_end(m, md) + 1;
	struct strbuf sb = { 0 };

	if (end > m->files[md->file].len)
		end = m->files[md->file].len;
	while (end > done && strchr(" \t\r\n", t[end - 1]))
		end--;
	sb_adds(&sb, "#define ");
	while (lex_next_ident(t, end, &pos, &is, &n)) {
		if (!is_level(t, is, n))
			continue;
		sb_addn(&sb, t + done, is - done);
		sb_addf(&sb, "%u /* __INCLUDE_LEVEL__ */", depth);
		done = is + n;
	}
	sb_addn(&sb, t + done, end - done);
	sb_adds(&sb, "\n");
	return sb_detach(&sb);
}

void include_level_overrides(struct model *m, const struct unit *u, struct strlist *overrides)
{
	const struct file_uses *fu = &m->uses[u->file];
	unsigned depth = include_level_of(m, u);
	struct level_walk lw = { m, NULL, NULL, 0, 0 };

	if (!depth || !m->n_macros)
		return;
	lw.seen = xcalloc(m->n_macros, sizeof(*lw.seen));
	for (size_t i = 0; i < fu->n; i++)
		if (fu->v[i].offset >= u->start && fu->v[i].offset < u->end)
			visit(&lw, model_macro_of_cursor(m, clang_getCursorReferenced(fu->v[i].cursor)));
	for (size_t i = 0; i < lw.n; i++) {
		const struct macro_def *md = &m->macros[lw.todo[i]];

		if (scan_body(&lw, md) && !strlist_contains(overrides, md->name)) {
			strlist_push(overrides, md->name);
			strlist_push_owned(overrides, redefinition(m, md, depth));
		}
	}
	free(lw.seen);
	free(lw.todo);
}
