/*
 * Function-by-function comparison of two builds: grouping symbols by source
 * function, classifying each group, and the --patch mode summary.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/changed_set.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/patch_mode.h"

const char *const change_kind_names[] = { "changed", "added", "removed", "line_only" };

static struct group *group_of(struct groups *g, const char *name)
{
	int i = strmap_get(&g->index, name);
	struct group *gr;

	if (i >= 0)
		return &g->v[i];
	gr = ARRAY_PUSH(g->v, g->n, g->cap);
	memset(gr, 0, sizeof(*gr));
	gr->name = xstrdup(name);
	strmap_put(&g->index, gr->name, (int)(g->n - 1));	/* the string does not move */
	return gr;
}

static void add_funcs(struct groups *g, const struct objcmp_obj *o, bool patched)
{
	for (size_t i = 0; i < objcmp_nfuncs(o); i++) {
		const struct objcmp_func *f = objcmp_func_at(o, i);
		struct group *gr = group_of(g, f->base);

		if (patched)
			*(size_t *)ARRAY_PUSH(gr->fb, gr->nb, gr->capb) = i;
		else
			*(size_t *)ARRAY_PUSH(gr->fa, gr->na, gr->capa) = i;
		if (!strlist_contains(&gr->syms, f->name))
			strlist_push(&gr->syms, f->name);
	}
}

static void set_kind(struct group *gr, enum kind k, int64_t delta, char *reason)
{
	if (k == K_CHANGED || (k == K_LINE_ONLY && gr->kind == K_SAME)) {
		if (gr->kind != K_CHANGED) {
			free(gr->reason);
			gr->reason = reason;
			reason = NULL;
			gr->delta = delta;
		}
		gr->kind = k;
	}
	free(reason);
}

/* Compare the symbols of one function present in both objects. */
static void compare_group(struct group *gr, const struct objcmp_obj *a,
			  const struct objcmp_obj *b)
{
	bool *used = xcalloc(gr->nb, sizeof(bool));

	gr->kind = K_SAME;
	for (size_t i = 0; i < gr->na; i++) {
		const struct objcmp_func *fa = objcmp_func_at(a, gr->fa[i]), *fb = NULL;
		enum objcmp_result res;
		int64_t delta;
		char *reason;
		size_t j;

		for (j = 0; j < gr->nb && !fb; j++)
			if (!used[j] && !strcmp(objcmp_func_at(b, gr->fb[j])->norm, fa->norm))
				fb = objcmp_func_at(b, gr->fb[j]);
		if (!fb) {
			set_kind(gr, K_CHANGED, 0, xasprintf("%s: only in the original", fa->name));
			continue;
		}
		used[j - 1] = true;
		res = objcmp_compare(a, fa, b, fb, &reason, &delta);
		if (res == OBJCMP_IDENTICAL)
			continue;
		set_kind(gr, res == OBJCMP_LINE_ONLY ? K_LINE_ONLY : K_CHANGED, delta,
			 xasprintf("%s: %s", fa->name, reason));
		free(reason);
	}
	for (size_t j = 0; j < gr->nb; j++)
		if (!used[j])
			set_kind(gr, K_CHANGED, 0, xasprintf("%s: only in the patched object",
							     objcmp_func_at(b, gr->fb[j])->name));
	free(used);
}

/* Line-only functions must agree on the shift: keep the most frequent delta
 * (the smallest on ties), the others changed. */
static void check_deltas(struct groups *g)
{
	int64_t best = 0;
	size_t best_n = 0;

	for (size_t i = 0; i < g->n; i++) {
		size_t n = 0;

		if (g->v[i].kind != K_LINE_ONLY)
			continue;
		for (size_t k = 0; k < g->n; k++)
			n += g->v[k].kind == K_LINE_ONLY && g->v[k].delta == g->v[i].delta;
		if (n > best_n || (n == best_n && llabs(g->v[i].delta) < llabs(best))) {
			best = g->v[i].delta;
			best_n = n;
		}
	}
	for (size_t i = 0; i < g->n; i++) {
		struct group *gr = &g->v[i];
		char *r;

		if (gr->kind != K_LINE_ONLY || gr->delta == best)
			continue;
		r = xasprintf("%s (other functions: %+" PRId64 ")", gr->reason, best);
		free(gr->reason);
		gr->reason = r;
		gr->kind = K_CHANGED;
	}
}

static void classify(struct groups *g, const struct objcmp_obj *a, const struct objcmp_obj *b)
{
	for (size_t i = 0; i < g->n; i++) {
		struct group *gr = &g->v[i];

		if (!gr->na)
			gr->kind = K_ADDED;
		else if (!gr->nb)
			gr->kind = K_REMOVED;
		else
			compare_group(gr, a, b);
	}
	check_deltas(g);
}

void changed_groups_build(struct groups *g, const struct objcmp_obj *a,
			  const struct objcmp_obj *b)
{
	add_funcs(g, a, false);
	add_funcs(g, b, true);
	classify(g, a, b);
}

void changed_groups_release(struct groups *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].name);
		strlist_release(&g->v[i].syms);
		free(g->v[i].fa);
		free(g->v[i].fb);
		free(g->v[i].reason);
	}
	free(g->v);
	strmap_release(&g->index);
}


static struct strlist *list_of(struct changed_result *r, enum kind k)
{
	switch (k) {
	case K_CHANGED: return &r->changed;
	case K_ADDED: return &r->added;
	case K_REMOVED: return &r->removed;
	case K_LINE_ONLY: return &r->line_only;
	default: return NULL;
	}
}

int changed_set_compute(const char *orig_o, const char *patched_o, struct changed_result *out)
{
	struct objcmp_opts o = { .attached = true };
	struct objcmp_obj *oa, *ob = NULL;
	struct groups g = { 0 };
	char *err = NULL;

	oa = objcmp_open(orig_o, &o, &err);
	if (oa)
		ob = objcmp_open(patched_o, &o, &err);
	if (!ob) {
		diag_error("%s", err);
		free(err);
		objcmp_close(oa);
		return -1;
	}
	changed_groups_build(&g, oa, ob);
	for (size_t i = 0; i < g.n; i++) {
		struct strlist *l = list_of(out, g.v[i].kind);

		if (!l)
			continue;
		strlist_push(l, g.v[i].name);
		if (l == &out->line_only) {
			out->line_delta = xrealloc(out->line_delta,
						   out->line_only.n * sizeof(*out->line_delta));
			out->line_delta[out->line_only.n - 1] = g.v[i].delta;
		}
	}
	changed_groups_release(&g);
	objcmp_close(oa);
	objcmp_close(ob);
	return 0;
}

void changed_result_release(struct changed_result *r)
{
	strlist_release(&r->changed);
	strlist_release(&r->added);
	strlist_release(&r->removed);
	strlist_release(&r->line_only);
	free(r->line_delta);
}
