/*
 * What a function's code in the target object calls (see sym_facts:
 * self_contained, code_size). GCC shapes a caller by what it learnt of a
 * callee it compiled in the same unit (registers it never touches, memory
 * it never reads or writes, pure/const...). A livepatch that copies such a
 * callee gives GCC those facts again, exactly when the callee's own calls
 * leave the unit in the original too: then the copy sees what GCC saw.
 */
#define KLP_CCP_FACTS_INTERNAL
#include <elf.h>
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

/*
 * ICF twins. GCC's identical code folding turns a function whose body
 * matches another's into a call to it, and the inliner may put that body
 * back: the function then has the other's code but no DWARF of its own
 * (__ia32_compat_sys_preadv64 holding __ia32_sys_preadv's, do_preadv
 * inlined). A function the DWARF does not describe whose code is identical
 * to one it describes is that one's twin: what is inlined into the one is
 * inlined into the twin.
 */
static const struct objcmp_func *described_twin(struct facts_db *db,
						const struct objcmp_obj *obj,
						const struct objcmp_func *fy)
{
	for (size_t i = 0; i < objcmp_nfuncs(obj); i++) {
		const struct objcmp_func *g = objcmp_func_at(obj, i);
		char *reason = NULL;
		bool same;

		if (g == fy || g->size != fy->size || strchr(g->name, '.') ||
		    strmap_get(&db->described, g->name) < 0)
			continue;
		same = objcmp_compare(obj, fy, obj, g, &reason, NULL) == OBJCMP_IDENTICAL;
		free(reason);
		if (same)
			return g;
	}
	return NULL;
}

static void find_twins(struct facts_db *db)
{
	db->twins_found = true;
	if (!db->described.n)
		return;		/* no DWARF: nothing to tell twins by */
	for (size_t i = 0; i < db->n_syms; i++) {
		const struct fsym *s = &db->syms[i];
		struct objcmp_obj *obj;
		const struct objcmp_func *fy, *g;

		if (!s->defined || s->type != STT_FUNC || strchr(s->name, '.') ||
		    strmap_get(&db->described, s->name) >= 0)
			continue;
		obj = code_of(&db->objs[s->obj]);
		fy = obj ? objcmp_find(obj, s->name) : NULL;
		g = fy && fy->size ? described_twin(db, obj, fy) : NULL;
		if (g) {
			strlist_push(&db->twin_of, g->name);
			strlist_push(&db->twins, s->name);
		}
	}
}

void facts_icf_twins(struct facts_db *db, const char *fun, struct strlist *out)
{
	if (!db->twins_found)
		find_twins(db);
	for (size_t i = 0; i < db->twin_of.n; i++)
		if (!strcmp(db->twin_of.v[i], fun))
			strlist_push(out, db->twins.v[i]);
}
