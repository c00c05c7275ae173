/*
 * Binary facts database (DESIGN.md section 3): the symbols of the target
 * objects, indexed by base name (the C identifier before the first '.'), with
 * the inlining and call facts found in their DWARF and the exports of
 * Module.symvers. facts_get() computes the facts of a name on first use.
 */
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#define KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/facts.h"
#include "klp-ccp/util.h"

/* Clone suffixes GCC appends, as in NAME.isra.0 or NAME.part.0.cold. */
static const char *const clone_kinds[] = { "isra", "constprop", "part", "cold" };

const char *facts_intern_n(struct facts_db *db, const char *s, size_t n)
{
	char *copy = xstrndup(s, n);
	int i = strmap_get(&db->strings, copy);

	if (i >= 0) {
		free(copy);
		return db->str_pool[i];
	}
	*ARRAY_PUSH(db->str_pool, db->n_str, db->cap_str) = copy;
	strmap_put(&db->strings, copy, (int)db->n_str - 1);
	return copy;
}

const char *facts_intern(struct facts_db *db, const char *s)
{
	return facts_intern_n(db, s, strlen(s));
}

size_t facts_base_len(const char *sym)
{
	return strcspn(sym, ".");
}

struct fentry *facts_entry(struct facts_db *db, const char *name)
{
	const char *key = facts_intern(db, name);
	int i = strmap_get(&db->ent_index, key);
	struct fentry *e;

	if (i >= 0)
		return db->ents[i];
	e = xcalloc(1, sizeof(*e));
	*ARRAY_PUSH(db->ents, db->n_ents, db->cap_ents) = e;
	e->name = key;
	strmap_put(&db->ent_index, key, (int)db->n_ents - 1);
	return e;
}

void facts_set_source(struct facts_db *db, const char *source)
{
	const char *slash = source ? strrchr(source, '/') : NULL;

	free(db->source_base);
	db->source_base = source ? xstrdup(slash ? slash + 1 : source) : NULL;
}

/* ---- computing the facts of one name ------------------------------------- */

static bool is_number(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Start of the last clone-kind word in suffix (after the base), or NULL. */
static const char *last_kind_word(const char *suffix, const char **kind)
{
	const char *found = NULL, *p = suffix;

	*kind = "other";
	while (p && *p == '.') {
		size_t n = strcspn(p + 1, ".");

		for (size_t k = 0; k < sizeof(clone_kinds) / sizeof(*clone_kinds); k++)
			if (strlen(clone_kinds[k]) == n && !strncmp(p + 1, clone_kinds[k], n)) {
				found = p;
				*kind = clone_kinds[k];
			}
		p = p + 1 + n;
	}
	return found;
}

char *facts_clone_origin(const char *entry)
{
	size_t len = strcspn(entry, " ");
	char *sym = xstrndup(entry, len);
	const char *kind, *word = last_kind_word(sym + facts_base_len(sym), &kind);

	if (word)
		sym[word - sym] = '\0';
	else
		sym[facts_base_len(sym)] = '\0';
	return sym;
}

/* A clone: a function symbol NAME.SUFFIX whose suffix is not just a number. */
static bool is_clone_sym(const struct fsym *s)
{
	const char *suffix = s->name + facts_base_len(s->name);

	if (!*suffix || !s->defined)
		return false;
	if (s->type != STT_FUNC && s->type != STT_GNU_IFUNC)
		return false;
	return !is_number(suffix + 1, strlen(suffix + 1));
}

static void add_clone(struct sym_facts *f, const struct fsym *s)
{
	const char *kind;
	char *entry;

	last_kind_word(s->name + facts_base_len(s->name), &kind);
	entry = xasprintf("%s %s", s->name, kind);
	if (strlist_contains(&f->clones, entry))
		free(entry);
	else
		strlist_push_owned(&f->clones, entry);
}

static bool in_source(const struct facts_db *db, const struct fsym *s)
{
	return db->source_base && s->file && !strcmp(s->file, db->source_base);
}

/* The definition the facts describe: local of the source, global, first local. */
static const struct fsym *chosen_def(const struct facts_db *db, const struct fentry *e)
{
	const struct fsym *global = NULL, *first = NULL;

	for (size_t i = 0; i < e->n_syms; i++) {
		const struct fsym *s = &db->syms[e->syms[i]];

		if (!s->defined || strcmp(s->name, e->name))
			continue;
		if (s->bind == STB_LOCAL && in_source(db, s))
			return s;
		if (s->bind != STB_LOCAL && !global)
			global = s;
		if (!first)
			first = s;
	}
	return global ? global : first;
}

static unsigned sympos_of(const struct facts_db *db, const struct fentry *e,
			  const struct fsym *def)
{
	unsigned pos = 0;

	for (size_t i = 0; i < e->n_syms; i++) {
		const struct fsym *s = &db->syms[e->syms[i]];

		if (!s->defined || s->bind != STB_LOCAL || strcmp(s->name, e->name) ||
		    strcmp(db->objs[s->obj].name, db->objs[def->obj].name))
			continue;
		pos++;
		if (s == def)
			return pos;
	}
	return 0;
}

static const char *binding_name(unsigned char bind)
{
	switch (bind) {
	case STB_LOCAL:
		return "local";
	case STB_WEAK:
		return "weak";
	default:
		return "global";
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted copy of l without repetitions. */
static void sorted_unique(struct strlist *dst, const struct strlist *l)
{
	struct strlist tmp = {0};

	for (size_t i = 0; i < l->n; i++)
		strlist_push(&tmp, l->v[i]);
	if (tmp.n)
		qsort(tmp.v, tmp.n, sizeof(*tmp.v), cmp_str);
	for (size_t i = 0; i < tmp.n; i++)
		if (!dst->n || strcmp(dst->v[dst->n - 1], tmp.v[i]))
			strlist_push(dst, tmp.v[i]);
	strlist_release(&tmp);
}

/* Object of a name that is not defined: the first defining a clone, or the first. */
static const char *object_of_absent(const struct facts_db *db, const struct fentry *e)
{
	for (size_t i = 0; i < e->n_syms; i++)
		if (db->syms[e->syms[i]].defined)
			return db->objs[db->syms[e->syms[i]].obj].name;
	return db->n_objs ? db->objs[0].name : NULL;
}

/* Are f's clones .part ones (at least one) and .cold parts only? */
static bool only_part_clones(const struct sym_facts *f)
{
	bool part = false;

	for (size_t i = 0; i < f->clones.n; i++) {
		const char *kind = strrchr(f->clones.v[i], ' ');

		if (!kind || (strcmp(kind + 1, "part") && strcmp(kind + 1, "cold")))
			return false;
		part |= !strcmp(kind + 1, "part");
	}
	return part;
}

/*
 * The DWARF's functions e is inlined into, and their ICF twins
 * (facts_calls.c). A function of another name calling e's .part clone (its
 * only kind of clone) has e's head inlined (GCC's partial inlining), also
 * where the DWARF lost that inlined_subroutine (migration_cpu_stop calling
 * update_rq_clock.part.0).
 */
static void inlined_into(struct facts_db *db, const struct fentry *e, struct strlist *out)
{
	struct strlist all = { 0 };
	size_t n = strlen(e->name);

	for (size_t i = 0; i < e->inlined_into.n; i++)
		strlist_push(&all, e->inlined_into.v[i]);
	for (size_t i = 0; only_part_clones(&e->f) && i < e->via_clones.n; i++) {
		const char *caller = e->via_clones.v[i];

		if (strncmp(caller, e->name, n) || (caller[n] && caller[n] != '.'))
			strlist_push(&all, caller);
	}
	for (size_t i = 0; i < e->inlined_into.n; i++)
		facts_icf_twins(db, e->inlined_into.v[i], &all);
	sorted_unique(out, &all);
	strlist_release(&all);
}

static void compute(struct facts_db *db, struct fentry *e)
{
	struct sym_facts *f = &e->f;
	const struct fsym *def = chosen_def(db, e);

	f->name = e->name;
	f->present = def != NULL;
	f->binding = def ? binding_name(def->bind) : NULL;
	f->sympos = def && def->bind == STB_LOCAL ? sympos_of(db, e, def) : 0;
	f->exported = e->exported;
	f->cold = def && def->unlikely;
	f->align = def ? def->align : 0;
	f->discarded = def ? def->discarded : NULL;
	f->object = def ? db->objs[def->obj].name : object_of_absent(db, e);
	for (size_t i = 0; i < e->n_syms; i++)
		if (is_clone_sym(&db->syms[e->syms[i]]))
			add_clone(f, &db->syms[e->syms[i]]);
	if (f->clones.n)
		qsort(f->clones.v, f->clones.n, sizeof(*f->clones.v), cmp_str);
	inlined_into(db, e, &f->inlined_into);
	sorted_unique(&f->callers_via_clones, &e->via_clones);
	sorted_unique(&f->kept_params, &e->kept_params);
	facts_calls(db, def, f);
	facts_ftrace(db, def, f);
	e->computed = true;
}

const struct sym_facts *facts_get(struct facts_db *db, const char *name)
{
	struct fentry *e = facts_entry(db, name);

	if (!e->computed)
		compute(db, e);
	return &e->f;
}

/* ---- opening and closing ------------------------------------------------- */

struct facts_db *facts_open(const struct strlist *objects, const char *symvers)
{
	struct facts_db *db = facts_open_async(objects, symvers, NULL);

	if (db && facts_finish(db) < 0) {
		facts_close(db);
		return NULL;
	}
	return db;
}

int facts_finish(struct facts_db *db)
{
	return facts_dwarf_finish(db);
}

struct facts_db *facts_open_async(const struct strlist *objects, const char *symvers,
				   const char *source)
{
	struct facts_db *db = xcalloc(1, sizeof(*db));

	if (source) {
		db->source_path = xstrdup(source);
		facts_set_source(db, source);
	}

	for (size_t i = 0; objects && i < objects->n; i++) {
		if (facts_elf_load(db, objects->v[i]) < 0) {
			facts_close(db);
			return NULL;
		}
	}
	if (symvers && facts_symvers_load(db, symvers) < 0) {
		facts_close(db);
		return NULL;
	}
	return db;
}

static void release_entry(struct fentry *e)
{
	free(e->syms);
	strlist_release(&e->inlined_into);
	strlist_release(&e->via_clones);
	strlist_release(&e->kept_params);
	strlist_release(&e->f.clones);
	strlist_release(&e->f.kept_params);
	strlist_release(&e->f.inlined_into);
	strlist_release(&e->f.callers_via_clones);
	strlist_release(&e->f.callees);
}

const char *facts_local_static(const struct facts_db *db, const char *fun, const char *var)
{
	size_t nf = strlen(fun), nv = strlen(var);

	for (size_t i = 0; i < db->statics.n; i++) {
		const char *s = db->statics.v[i];

		if (!strncmp(s, fun, nf) && s[nf] == ' ' && !strncmp(s + nf + 1, var, nv) &&
		    s[nf + 1 + nv] == ' ')
			return s + nf + nv + 2;
	}
	return NULL;
}

/* One scan for both answers (each was a scan of every target symbol). */
bool facts_local_symbol(const struct facts_db *db, const char *sym, const char **object,
			unsigned *sympos, uint64_t *align)
{
	bool found = false, aligned = !align;

	if (align)
		*align = 0;
	for (size_t i = 0; i < db->n_syms && !(found && aligned); i++) {
		const struct fsym *s = &db->syms[i];

		if (!s->defined || strcmp(s->name, sym))
			continue;
		if (!aligned) {
			*align = s->align;
			aligned = true;
		}
		if (!found && s->bind == STB_LOCAL) {
			*object = db->objs[s->obj].name;
			*sympos = 1;
			found = true;
		}
	}
	return found;
}

bool facts_local_rodata(const struct facts_db *db, const char *sym)
{
	bool found = false;

	for (size_t i = 0; i < db->n_syms; i++) {
		const struct fsym *s = &db->syms[i];

		if (!s->defined || s->bind != STB_LOCAL || strcmp(s->name, sym))
			continue;
		if (!s->rodata)
			return false;
		found = true;
	}
	return found;
}

bool facts_kernel(const struct facts_db *db)
{
	for (size_t i = 0; i < db->n_objs; i++)
		if (db->objs[i].kernel)
			return true;
	return false;
}

void facts_close(struct facts_db *db)
{
	if (!db)
		return;
	facts_dwarf_abandon(db);
	for (size_t i = 0; i < db->n_objs; i++) {
		facts_calls_close(&db->objs[i]);
		free(db->objs[i].ftrace_sites);
		free(db->objs[i].path);
		free(db->objs[i].name);
	}
	free(db->objs);
	free(db->syms);
	free(db->source_path);
	for (size_t i = 0; i < db->n_ents; i++) {
		release_entry(db->ents[i]);
		free(db->ents[i]);
	}
	free(db->ents);
	strmap_release(&db->ent_index);
	strmap_release(&db->strings);
	for (size_t i = 0; i < db->n_str; i++)
		free(db->str_pool[i]);
	free(db->str_pool);
	free(db->source_base);
	strlist_release(&db->statics);
	strmap_release(&db->described);
	strlist_release(&db->twin_of);
	strlist_release(&db->twins);
	free(db);
}
