/*
 * Closure step: GCC copied patched code into other functions (inlining,
 * .isra/.constprop/.part clones). Every surviving function that contains
 * patched code must be patched too; a patched function whose own body is
 * gone is only copied for its callers.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/ipa_clones.h"

/* "foo.isra.0" -> "foo" */
static char *origin_of(const char *symbol)
{
	const char *dot = strchr(symbol, '.');

	return dot ? xstrndup(symbol, (size_t)(dot - symbol)) : xstrdup(symbol);
}

/*
 * Per patched function, the containers of its code patched too, for one
 * note: "'A' (file:line), 'B' (file:line, as its clone B.isra.0)".
 */
struct told {
	const char *contains;
	struct strbuf list;
	unsigned n;
};

struct told_set {
	struct told *v;
	size_t n, cap;
};

static struct told *told_for(struct told_set *ts, const char *contains)
{
	struct told *t;

	for (size_t i = 0; i < ts->n; i++)
		if (!strcmp(ts->v[i].contains, contains))
			return &ts->v[i];
	t = ARRAY_PUSH(ts->v, ts->n, ts->cap);
	memset(t, 0, sizeof(*t));
	t->contains = contains;
	return t;
}

/* One note per patched function (none with --no-ipa-extend: warnings say what is not patched). */
static void tell_all(struct told_set *ts, bool extend)
{
	for (size_t i = 0; i < ts->n; i++) {
		if (extend)
			diag_note("code of patched '%s' is also in %s (GCC inlined or cloned it there): patching %s too",
				  ts->v[i].contains, ts->v[i].list.buf, ts->v[i].n > 1 ? "them" : "it");
		sb_release(&ts->v[i].list);
	}
	free(ts->v);
}

/* origin, already to be added, has the code of contains too (the summary says so). */
static void add_contained(struct ipa_plan *plan, const char *origin, const char *contains)
{
	for (size_t i = 0; i < plan->add.n; i++) {
		char *list = plan->add_contains.v[i];
		size_t n = strlen(contains);
		bool listed = false;

		if (strcmp(plan->add.v[i], origin))
			continue;
		for (const char *p = list; p && !listed; p = strstr(p, ", "), p = p ? p + 2 : NULL)
			listed = !strncmp(p, contains, n) && (!p[n] || p[n] == ',');
		if (!listed) {
			plan->add_contains.v[i] = xasprintf("%s, %s", list, contains);
			free(list);
		}
	}
}

static void plan_one(struct model *m, const struct ipa_affected *a, struct ipa_plan *plan,
		     struct told_set *ts)
{
	char *origin = origin_of(a->name);
	int idx = model_function_defined(m, origin);
	bool clone = strcmp(a->kind, "original") != 0;

	if (idx < 0) {
		strlist_push_owned(&plan->elsewhere,
				   xasprintf("%s (%s:%u, contains %s)", a->name, a->file, a->line,
					     a->contains));
	} else if (m->ents[idx].decision != DEC_PATCHED &&
		   strlist_contains(&plan->add, origin)) {
		add_contained(plan, origin, a->contains);
	} else if (m->ents[idx].decision != DEC_PATCHED) {
		struct told *t = told_for(ts, a->contains);

		strlist_push(&plan->add, origin);
		strlist_push(&plan->add_contains, a->contains);
		sb_addf(&t->list, "%s'%s' (%s:%u", t->n++ ? ", " : "", origin, a->file, a->line);
		if (clone)
			sb_addf(&t->list, ", as its clone %s", a->name);
		sb_addf(&t->list, "%s)", a->maybe_removed ? "; its body may be gone from the binary" : "");
		if (clone)
			diag_warning("'%s' is a clone (%s) of '%s': callers of the clone keep calling the old code; check them with 'klp-ccp facts'",
				     a->name, a->kind, origin);
	}
	free(origin);
}

static char **patched_names(struct model *m, size_t *n)
{
	char **v = xmalloc((m->n_ents + 1) * sizeof(char *));

	*n = 0;
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED)
			v[(*n)++] = m->ents[i].name;
	return v;
}

int ipa_plan_extension(struct model *m, struct ipa_graph *g, bool extend,
		       struct ipa_plan *plan)
{
	struct ipa_affected *aff = NULL;
	struct told_set ts = { 0 };
	size_t n_aff = 0, n;
	char **names = patched_names(m, &n);
	int rc = ipa_affected_by(g, names, n, &aff, &n_aff, &plan->removed);

	free(names);
	if (rc)
		return -1;
	for (size_t i = 0; i < n_aff; i++)
		plan_one(m, &aff[i], plan, &ts);
	tell_all(&ts, extend);
	ipa_affected_free(aff, n_aff);
	for (size_t i = 0; i < plan->removed.n; i++)
		diag_note("patched '%s' has no body of its own in the binary (GCC inlined it everywhere): it is copied for its callers, not patched%s",
			  plan->removed.v[i], extend ? "" : "; with --no-ipa-extend it stays patched");
	if (plan->elsewhere.n) {
		struct strbuf sb = { 0 };

		for (size_t i = 0; i < plan->elsewhere.n; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", plan->elsewhere.v[i]);
		diag_warning("functions of other translation units contain patched code and need their own extraction: %s",
			     sb.buf);
		sb_release(&sb);
	}
	return 0;
}

/* The target has it only as clones that functions call: no symbol of its own. */
static bool only_clones(const struct sym_facts *f)
{
	return !f->present && f->clones.n && f->callers_via_clones.n;
}

/* "A, B" of f's clones' symbols */
static char *clone_names(const struct sym_facts *f)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < f->clones.n; i++)
		sb_addf(&sb, "%s%.*s", i ? ", " : "", (int)strcspn(f->clones.v[i], " "),
			f->clones.v[i]);
	return sb.buf;
}

/*
 * f's callers through its clones (symbols, maybe clones themselves: their
 * functions) added to plan and todo; those already patched or added count
 * too. False when there is none in this unit: f stays patched by name.
 */
static bool add_clone_callers(struct model *m, const struct sym_facts *f, struct ipa_plan *plan,
			      struct strlist *todo, struct strbuf *added)
{
	bool any = false;

	for (size_t i = 0; i < f->callers_via_clones.n; i++) {
		char *c = origin_of(f->callers_via_clones.v[i]);
		int idx = model_function_defined(m, c);

		if (idx < 0 || !strcmp(c, f->name)) {
			free(c);
			continue;
		}
		any = true;
		if (m->ents[idx].decision == DEC_PATCHED) {
		} else if (strlist_contains(&plan->add, c)) {
			add_contained(plan, c, f->name);
		} else {
			strlist_push(&plan->add, c);
			strlist_push(&plan->add_contains, f->name);
			strlist_push(todo, c);
			sb_addf(added, "%s'%s'", added->len ? ", " : "", c);
		}
		free(c);
	}
	return any;
}

/*
 * A function added because it holds patched code whose body the dump left
 * "maybe removed" (kept for its clones, which were inlined away) and the
 * target has neither it nor a clone of it: nothing to replace by its name;
 * its code is in the containers the dump gave too. Copied, not patched.
 */
static void unpatch_absent(struct facts_db *facts, struct ipa_plan *plan)
{
	for (size_t i = 0; i < plan->add.n; i++) {
		const struct sym_facts *f = facts_get(facts, plan->add.v[i]);

		if (f->present || f->clones.n || strlist_contains(&plan->removed, f->name))
			continue;
		strlist_push(&plan->removed, f->name);
		diag_note("'%s' holds code of patched '%s' but has no body of its own in the binary (GCC inlined it everywhere): it is copied for its callers, not patched",
			  f->name, plan->add_contains.v[i]);
	}
}

void ipa_plan_clone_callers(struct model *m, struct facts_db *facts, struct ipa_plan *plan)
{
	struct strlist todo = { 0 };

	unpatch_absent(facts, plan);

	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED && !strlist_contains(&plan->removed, m->ents[i].name))
			strlist_push(&todo, m->ents[i].name);
	for (size_t i = 0; i < plan->add.n; i++)
		strlist_push(&todo, plan->add.v[i]);
	for (size_t i = 0; i < todo.n; i++) {
		const struct sym_facts *f = facts_get(facts, todo.v[i]);
		struct strbuf added = { 0 };
		char *clones;

		if (!only_clones(f) || strlist_contains(&plan->removed, todo.v[i]) ||
		    !add_clone_callers(m, f, plan, &todo, &added)) {
			sb_release(&added);
			continue;
		}
		strlist_push(&plan->removed, todo.v[i]);
		clones = clone_names(f);
		diag_note("patched '%s' exists in the binary only as clones (%s), which a livepatch cannot replace by name: it is copied for their callers, not patched%s%s",
			  f->name, clones, added.len ? "; patching the callers " : "",
			  added.len ? added.buf : "");
		free(clones);
		sb_release(&added);
	}
	strlist_release(&todo);
}

void ipa_plan_release(struct ipa_plan *plan)
{
	strlist_release(&plan->add);
	strlist_release(&plan->add_contains);
	strlist_release(&plan->removed);
	strlist_release(&plan->elsewhere);
}
