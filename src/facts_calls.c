/*
 * What a function's code in the target object calls (see sym_facts:
 * self_contained, code_size). GCC shapes a caller by what it learnt of a
 * callee it compiled in the same unit (registers it never touches, memory
 * it never reads or writes, pure/const...). A livepatch that copies such a
 * callee gives GCC those facts again, exactly when the callee's own calls
 * leave the unit in the original too: then the copy sees what GCC saw.
 */
#define KLP_CCP_FACTS_INTERNAL
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/util.h"

static struct objcmp_obj *code_of(struct fobj *o)
{
	struct objcmp_opts opts = { .attached = true };	/* ftrace call sites */
	char *err = NULL;

	if (!o->code_tried && o->relocatable) {
		o->code_tried = true;
		o->code = objcmp_open(o->path, &opts, &err);
		free(err);
	}
	return o->code;
}

/* Does the object define a function this (normalized) callee name designates? */
static bool defined_here(const struct objcmp_obj *obj, const char *callee)
{
	size_t n = strcspn(callee, ".");

	if (callee[0] == '.')
		return true;	/* a section-relative target: assume the unit's own */
	for (size_t i = 0; i < objcmp_nfuncs(obj); i++) {
		const char *base = objcmp_func_at(obj, i)->base;

		if (strlen(base) == n && !strncmp(base, callee, n))
			return true;
	}
	return false;
}

/* The object's functions a callee name designates (the symbol, or its clone). */
static void push_designated(const struct objcmp_obj *obj, const char *callee, size_t *stack,
			    size_t *n, bool *seen)
{
	for (size_t i = 0; i < objcmp_nfuncs(obj); i++) {
		const struct objcmp_func *g = objcmp_func_at(obj, i);

		if (!seen[i] && (!strcmp(g->name, callee) || !strcmp(g->norm, callee))) {
			seen[i] = true;
			stack[(*n)++] = i;
		}
	}
}

/*
 * Bytes of code of root (with its .cold part) and of every function of the
 * object it calls or jumps to, transitively, each counted once; the walk
 * stops past limit (the result is then > limit).
 */
static uint64_t tree_size(const struct objcmp_obj *obj, const char *root, uint64_t limit)
{
	size_t nf = objcmp_nfuncs(obj), n = 0;
	size_t *stack = xcalloc(nf + 1, sizeof(*stack));
	bool *seen = xcalloc(nf + 1, sizeof(*seen));
	uint64_t total = 0;

	push_designated(obj, root, stack, &n, seen);
	while (n && total <= limit) {
		const struct objcmp_func *g = objcmp_func_at(obj, stack[--n]);
		struct strlist callees = { 0 };
		char *cold = xasprintf("%s.cold", g->name);

		total += g->size;
		push_designated(obj, cold, stack, &n, seen);
		free(cold);
		objcmp_callees(obj, g, &callees);
		for (size_t i = 0; i < callees.n; i++)
			push_designated(obj, callees.v[i], stack, &n, seen);
		strlist_release(&callees);
	}
	free(stack);
	free(seen);
	return total;
}

/* Add the base name of callee to f->callees, kept sorted and unique. */
static void add_callee(struct sym_facts *f, const char *callee)
{
	size_t n = facts_base_len(callee), at = 0;
	char *base, *last;

	if (callee[0] == '.')
		return;	/* section-relative: not a name */
	base = xstrndup(callee, n);
	while (at < f->callees.n && strcmp(f->callees.v[at], base) < 0)
		at++;
	if (at < f->callees.n && !strcmp(f->callees.v[at], base)) {
		free(base);
		return;
	}
	strlist_push_owned(&f->callees, base);
	last = f->callees.v[f->callees.n - 1];
	memmove(&f->callees.v[at + 1], &f->callees.v[at],
		(f->callees.n - 1 - at) * sizeof(*f->callees.v));
	f->callees.v[at] = last;
}

void facts_calls(struct facts_db *db, const struct fsym *def, struct sym_facts *f)
{
	struct objcmp_obj *obj = def ? code_of(&db->objs[def->obj]) : NULL;
	const struct objcmp_func *part[2];
	struct strlist callees = { 0 };
	char *cold;

	f->self_contained = -1;
	f->code_size = 0;
	f->tree_size = 0;
	if (!obj || !(part[0] = objcmp_find(obj, def->name)))
		return;
	f->untraced = objcmp_has_ftrace(obj) && !part[0]->ftrace;
	cold = xasprintf("%s.cold", def->name);
	part[1] = objcmp_find(obj, cold);
	free(cold);
	for (int i = 0; i < 2 && part[i]; i++) {
		objcmp_callees(obj, part[i], &callees);
		f->code_size += part[i]->size;
	}
	f->self_contained = 1;
	for (size_t i = 0; i < callees.n; i++)
		if (defined_here(obj, callees.v[i])) {
			f->self_contained = 0;
			add_callee(f, callees.v[i]);
		}
	strlist_release(&callees);
	f->tree_size = f->self_contained ? f->code_size :
		       tree_size(obj, def->name, FACTS_TREE_SIZE_LIMIT);
}

void facts_calls_close(struct fobj *o)
{
	if (o->code)
		objcmp_close(o->code);
	o->code = NULL;
}
