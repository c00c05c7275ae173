/*
 * GCC -fdump-ipa-clones dumps: parser, clone/inline graph and queries
 * (see include/klp-ccp/ipa_clones.h for the meaning of the dump).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/util.h"

#define DUMP_SUFFIX ".ipa-clones"
#define MAX_ERRORS_PER_FILE 10

struct ipa_edge {
	int to;
	unsigned time;		/* line in the dump: GCC writes events in order */
	bool inlining;		/* "inlining to"; else a clone edge */
};

struct ipa_node {
	char *name;
	int order;
	unsigned unit;
	char *file;
	unsigned line;
	char *kind;		/* reason of the clone edge that made it; NULL: original */
	bool removed;		/* "Callgraph removal": no out-of-line body */
	bool inline_clone;	/* a later node of an earlier name: a copy inlined somewhere */
	bool cp_origin;		/* origin of a clone other than "part" */
	int next_same_name;	/* previous node of the same name (other unit/order), -1 */
	struct ipa_edge *out;
	size_t n_out, cap_out;
};

struct ipa_graph {
	struct strlist units;		/* dump paths */
	struct ipa_node *nodes;
	size_t n_nodes, cap_nodes;
	struct strlist keys;		/* "unit:order:name", owned */
	struct strmap by_key;		/* key -> node */
	struct strmap by_name;		/* name -> last node of that name (see next_same_name) */
};

/* A position in a dump, for messages. */
struct dump_pos {
	const char *path;
	unsigned line;
	unsigned errors;
};

static void dump_error(struct dump_pos *pos, const char *fmt, const char *arg)
{
	struct strbuf sb = { 0 };
	size_t n = 0;

	/* arg comes from the dump: keep it short and printable. */
	for (const char *p = arg; p && *p && n < 60; p++, n++)
		sb_addc(&sb, (unsigned char)*p < ' ' || *p == 0x7f ? '?' : *p);
	if (arg && strlen(arg) > 60)
		sb_adds(&sb, "...");
	if (pos->errors < MAX_ERRORS_PER_FILE)
		diag_error_at(pos->path, pos->line, 0, fmt, sb.buf ? sb.buf : "");
	else if (pos->errors == MAX_ERRORS_PER_FILE)
		diag_error_at(pos->path, pos->line, 0, "too many errors, giving up on this file%s", "");
	pos->errors++;
	sb_release(&sb);
}

/* ---- graph building ---- */

static int node_get(struct ipa_graph *g, unsigned unit, const char *name, int order,
		    const char *file, unsigned line)
{
	char *key = xasprintf("%u:%d:%s", unit, order, name);
	int i = strmap_get(&g->by_key, key);
	struct ipa_node *n;

	if (i >= 0) {
		free(key);
		return i;
	}
	strlist_push_owned(&g->keys, key);
	i = (int)g->n_nodes;
	n = ARRAY_PUSH(g->nodes, g->n_nodes, g->cap_nodes);
	memset(n, 0, sizeof(*n));
	n->name = xstrdup(name);
	n->order = order;
	n->unit = unit;
	n->file = xstrdup(file);
	n->line = line;
	strmap_put(&g->by_key, key, i);
	n->next_same_name = strmap_put(&g->by_name, n->name, i);
	return i;
}

static void edge_add(struct ipa_graph *g, int from, int to, unsigned time, bool inlining)
{
	struct ipa_node *n = &g->nodes[from];
	struct ipa_edge *e;

	if (from == to)		/* recursive inlining */
		return;
	e = ARRAY_PUSH(n->out, n->n_out, n->cap_out);
	e->to = to;
	e->time = time;
	e->inlining = inlining;
}

/* ---- line parsing ---- */

/* Split line at ';' into f[]; returns the number of fields (may exceed max). */
static int split_fields(char *line, char **f, int max)
{
	int n = 0;

	for (char *p = line;; p++) {
		if (n < max)
			f[n] = p;
		n++;
		p = strchr(p, ';');
		if (!p)
			return n;
		*p = '\0';
	}
}

static bool parse_num(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		if (v > (max - (unsigned long)(*s - '0')) / 10)
			return false;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	*out = v;
	return true;
}

static bool valid_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

static bool valid_file(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	return true;
}

static bool valid_kind(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_ident_char((unsigned char)*s))
			return false;
	return true;
}

/* One function reference: NAME;ORDER;FILE;LINE;COL. */
struct fun_ref {
	const char *name, *file;
	int order;
	unsigned line;
};

static int parse_ref(char **f, struct fun_ref *r, struct dump_pos *pos)
{
	unsigned long order, line, col;

	if (!valid_name(f[0])) {
		dump_error(pos, "invalid function name '%s'", f[0]);
		return -1;
	}
	if (!parse_num(f[1], 0x7fffffff, &order)) {
		dump_error(pos, "invalid order '%s' (a non-negative integer expected)", f[1]);
		return -1;
	}
	if (!valid_file(f[2])) {
		dump_error(pos, "invalid file name '%s'", f[2]);
		return -1;
	}
	if (!parse_num(f[3], 0xffffffff, &line)) {
		dump_error(pos, "invalid line number '%s'", f[3]);
		return -1;
	}
	if (!parse_num(f[4], 0xffffffff, &col)) {
		dump_error(pos, "invalid column number '%s'", f[4]);
		return -1;
	}
	r->name = f[0];
	r->order = (int)order;
	r->file = f[2];
	r->line = (unsigned)line;
	return 0;
}

static int parse_clone(struct ipa_graph *g, unsigned unit, char **f, struct dump_pos *pos)
{
	struct fun_ref a, b;
	bool inlining = !strcmp(f[11], "inlining to");
	/*
	 * GCC prints a NULL clone suffix as "(null)": recursive inlining's
	 * master clone, a same-named copy that is inlined back into its origin
	 * and removed (mark_inline_clones makes it a copy): no clone kind.
	 */
	bool unnamed = !strcmp(f[11], "(null)");
	int from, to;

	if (parse_ref(f + 1, &a, pos) || parse_ref(f + 6, &b, pos))
		return -1;
	if (!inlining && !unnamed && !valid_kind(f[11])) {
		dump_error(pos, "invalid clone reason '%s'", f[11]);
		return -1;
	}
	if (unnamed && strcmp(a.name, b.name)) {
		dump_error(pos, "clone '%s' has no reason (\"(null)\") but a name of its own", b.name);
		return -1;
	}
	from = node_get(g, unit, a.name, a.order, a.file, a.line);
	to = node_get(g, unit, b.name, b.order, b.file, b.line);
	if (!inlining && !unnamed && from != to && !g->nodes[to].kind)
		g->nodes[to].kind = xstrdup(f[11]);
	if (!inlining && !unnamed && from != to && strcmp(f[11], "part"))
		g->nodes[from].cp_origin = true;
	edge_add(g, from, to, pos->line, inlining);
	return 0;
}

static int parse_removal(struct ipa_graph *g, unsigned unit, char **f, struct dump_pos *pos)
{
	struct fun_ref r;
	int i;

	if (parse_ref(f + 1, &r, pos))
		return -1;
	i = node_get(g, unit, r.name, r.order, r.file, r.line);
	g->nodes[i].removed = true;
	return 0;
}

static int parse_line(struct ipa_graph *g, unsigned unit, char *line, struct dump_pos *pos)
{
	char *f[12];
	int n;

	if (!*line)
		return 0;
	n = split_fields(line, f, 12);
	if (!strcmp(f[0], "Callgraph clone")) {
		if (n != 12) {
			dump_error(pos, "'Callgraph clone' line with %s fields, expected 12",
				   n > 12 ? "more" : "fewer");
			return -1;
		}
		return parse_clone(g, unit, f, pos);
	}
	if (!strcmp(f[0], "Callgraph removal")) {
		if (n != 6) {
			dump_error(pos, "'Callgraph removal' line with %s fields, expected 6",
				   n > 6 ? "more" : "fewer");
			return -1;
		}
		return parse_removal(g, unit, f, pos);
	}
	dump_error(pos, "unknown record '%s' (expected 'Callgraph clone' or 'Callgraph removal')",
		   f[0]);
	return -1;
}

/*
 * GCC gives an inline clone the name of its origin and a new (higher)
 * order; offline clones get new names. So of the nodes of one name in a
 * unit, the one of the lowest order is the function, the others are inline
 * clones: copies living in the functions they were inlined into.
 */
static void mark_inline_clones(struct ipa_graph *g, unsigned unit, size_t first)
{
	for (size_t i = first; i < g->n_nodes; i++) {
		struct ipa_node *n = &g->nodes[i];

		for (int k = strmap_get(&g->by_name, n->name); k >= 0;
		     k = g->nodes[k].next_same_name)
			if (g->nodes[k].unit == unit && g->nodes[k].order < n->order) {
				n->inline_clone = true;
				break;
			}
	}
}

static int parse_dump(struct ipa_graph *g, const char *path, char *text, size_t len)
{
	struct dump_pos pos = { path, 0, 0 };
	unsigned unit = (unsigned)g->units.n;
	size_t first = g->n_nodes;
	char *p = text, *end = text + len;

	strlist_push(&g->units, path);
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *eol = nl ? nl : end;

		pos.line++;
		if (memchr(p, '\0', (size_t)(eol - p))) {
			dump_error(&pos, "NUL byte in line%s", "");
		} else {
			*eol = '\0';
			if (eol > p && eol[-1] == '\r')
				eol[-1] = '\0';
			parse_line(g, unit, p, &pos);
		}
		p = eol + 1;
	}
	mark_inline_clones(g, unit, first);
	return pos.errors ? -1 : 0;
}

static int load_file(struct ipa_graph *g, const char *path)
{
	size_t len;
	char *text;
	int ret;

	if (strlist_contains(&g->units, path))	/* given twice */
		return 0;
	text = read_file(path, &len);
	if (!text) {
		diag_error("cannot read IPA clones dump '%s': %s", path, file_strerror(errno));
		return -1;
	}
	ret = parse_dump(g, path, text, len);
	free(text);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_dump_suffix(const char *name)
{
	size_t n = strlen(name), s = strlen(DUMP_SUFFIX);

	return n > s && !strcmp(name + n - s, DUMP_SUFFIX);
}

/* Collect the dumps under dir (recursively, not following symlinked directories). */
static int find_dumps(const char *dir, struct strlist *found)
{
	DIR *d = opendir(dir);
	struct strlist entries = { 0 };
	size_t dlen = strlen(dir);
	struct dirent *de;
	int ret = 0;

	if (!d) {
		diag_error("cannot open directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	while (dlen > 1 && dir[dlen - 1] == '/')
		dlen--;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			strlist_push_owned(&entries, xasprintf("%.*s/%s", (int)dlen, dir,
								de->d_name));
	closedir(d);
	if (entries.n)
		qsort(entries.v, entries.n, sizeof(*entries.v), cmp_str);
	for (size_t i = 0; i < entries.n && !ret; i++) {
		struct stat st;

		if (lstat(entries.v[i], &st))
			continue;
		if (S_ISDIR(st.st_mode))
			ret = find_dumps(entries.v[i], found);
		else if (has_dump_suffix(entries.v[i]) && !stat(entries.v[i], &st) &&
			 S_ISREG(st.st_mode))	/* not a FIFO or device left there */
			strlist_push(found, entries.v[i]);
	}
	strlist_release(&entries);
	return ret;
}

static int load_path(struct ipa_graph *g, const char *path)
{
	struct strlist dumps = { 0 };
	struct stat st;
	int ret = 0;

	if (stat(path, &st) || !S_ISDIR(st.st_mode))
		return load_file(g, path);
	if (find_dumps(path, &dumps))
		ret = -1;
	else if (!dumps.n) {
		diag_error("no *" DUMP_SUFFIX " files in directory '%s'", path);
		ret = -1;
	}
	for (size_t i = 0; i < dumps.n && !ret; i++)
		ret = load_file(g, dumps.v[i]);
	strlist_release(&dumps);
	return ret;
}

struct ipa_graph *ipa_load(const struct strlist *paths)
{
	struct ipa_graph *g = xcalloc(1, sizeof(*g));
	int ret = 0;

	for (size_t i = 0; i < paths->n; i++)
		if (load_path(g, paths->v[i]))
			ret = -1;
	if (ret) {
		ipa_free(g);
		return NULL;
	}
	return g;
}

void ipa_free(struct ipa_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n_nodes; i++) {
		free(g->nodes[i].name);
		free(g->nodes[i].file);
		free(g->nodes[i].kind);
		free(g->nodes[i].out);
	}
	free(g->nodes);
	strmap_release(&g->by_key);
	strmap_release(&g->by_name);
	strlist_release(&g->keys);
	strlist_release(&g->units);
	free(g);
}

size_t ipa_n_units(const struct ipa_graph *g)
{
	return g->units.n;
}

/* ---- queries ---- */

enum body { BODY_NONE, BODY_KEPT, BODY_MAYBE };

/*
 * Whether a node is a function in the binary. Removed nodes and inline
 * clones are not. GCC keeps the body of a function that became unreachable
 * when its clones still need it, without a removal line: the origin of
 * .isra/.constprop clones may or may not have been emitted (in the kernel
 * corpus it never was, but a reachable one, e.g. externally visible, is).
 * The origin of a .part clone stays (it calls the part).
 */
static enum body node_body(const struct ipa_node *n)
{
	if (n->removed || n->inline_clone)
		return BODY_NONE;
	return n->cp_origin ? BODY_MAYBE : BODY_KEPT;
}

#define NEVER UINT_MAX

/*
 * Node i holds the code from time t on (if not earlier already). Its
 * copies (same name, same unit: inline clones made at times the dump does
 * not tell) are taken to hold it from the start.
 */
static void lower(const struct ipa_graph *g, int i, unsigned t, unsigned *when,
		  int *stack, size_t *sp)
{
	const struct ipa_node *n = &g->nodes[i];

	if (t < when[i]) {
		when[i] = t;
		stack[(*sp)++] = i;
	}
	for (int k = strmap_get(&g->by_name, n->name); k >= 0; k = g->nodes[k].next_same_name)
		if (k != i && g->nodes[k].unit == n->unit && when[k]) {
			when[k] = 0;
			stack[(*sp)++] = k;
		}
}

/*
 * when[i]: from which time (dump line) on node i holds code of the
 * functions named name, NEVER if it does not. A copy made at time t (an
 * edge of that time) holds it if its source held it before t: what is
 * inlined into B after B was itself inlined into C or cloned is not in
 * that copy of B. With clones_only, inlining edges are not followed.
 */
static void reach(const struct ipa_graph *g, const char *name, bool clones_only, unsigned *when)
{
	/* A node is pushed at most once per lowering: bound by 2 * edges + nodes. */
	size_t cap = g->n_nodes + 1, sp = 0;
	int *stack;

	for (size_t i = 0; i < g->n_nodes; i++) {
		when[i] = NEVER;
		cap += 2 * g->nodes[i].n_out;
	}
	stack = xmalloc(cap * sizeof(*stack));
	for (int i = strmap_get(&g->by_name, name); i >= 0; i = g->nodes[i].next_same_name)
		lower(g, i, 0, when, stack, &sp);
	while (sp) {
		int u = stack[--sp];
		const struct ipa_node *n = &g->nodes[u];

		for (size_t k = 0; k < n->n_out; k++) {
			const struct ipa_edge *e = &n->out[k];

			if ((clones_only && e->inlining) || e->time <= when[u])
				continue;
			lower(g, e->to, e->time, when, stack, &sp);
		}
	}
	free(stack);
}

static const char *node_kind(const struct ipa_node *n)
{
	return n->kind ? n->kind : "original";
}

static void affected_fill(const struct ipa_graph *g, struct ipa_affected *a, int i,
			  const char *contains)
{
	const struct ipa_node *n = &g->nodes[i];

	a->name = xstrdup(n->name);
	a->kind = xstrdup(node_kind(n));
	a->file = xstrdup(n->file);
	a->line = n->line;
	a->contains = xstrdup(contains);
	a->unit = xstrdup(g->units.v[n->unit]);
	a->maybe_removed = node_body(n) == BODY_MAYBE;
}

static int cmp_affected(const void *pa, const void *pb)
{
	const struct ipa_affected *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	if (!c)
		c = strcmp(a->file, b->file);
	if (!c && a->line != b->line)
		c = a->line < b->line ? -1 : 1;
	if (!c)
		c = strcmp(a->unit, b->unit);
	return c;
}

void ipa_affected_free(struct ipa_affected *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].kind);
		free(a[i].file);
		free(a[i].contains);
		free(a[i].unit);
	}
	free(a);
}

/* The best body state of the functions named name; *found: it is in the dumps. */
static enum body name_body(const struct ipa_graph *g, const char *name, bool *found)
{
	enum body best = BODY_NONE;

	*found = false;
	for (int i = strmap_get(&g->by_name, name); i >= 0; i = g->nodes[i].next_same_name) {
		enum body b = node_body(&g->nodes[i]);

		*found = true;
		if (b == BODY_KEPT || (b == BODY_MAYBE && best == BODY_NONE))
			best = b;
	}
	return best;
}

static int *new_owner_map(size_t n)
{
	int *owner = xmalloc((n + 1) * sizeof(*owner));

	for (size_t i = 0; i < n; i++)
		owner[i] = -1;
	return owner;
}

/* Claim for names[p] the surviving nodes holding its code that nobody claimed. */
static void claim_affected(struct ipa_graph *g, char **names, size_t p,
			   const struct strmap *is_patched, int *owner,
			   struct ipa_affected **out, size_t *n_out, size_t *cap)
{
	unsigned *when = xmalloc((g->n_nodes + 1) * sizeof(*when));

	reach(g, names[p], false, when);
	for (size_t i = 0; i < g->n_nodes; i++)
		if (when[i] != NEVER && owner[i] < 0 && node_body(&g->nodes[i]) != BODY_NONE &&
		    strmap_get(is_patched, g->nodes[i].name) < 0) {
			owner[i] = (int)p;
			affected_fill(g, ARRAY_PUSH(*out, *n_out, *cap), (int)i, names[p]);
		}
	free(when);
}

int ipa_affected_by(struct ipa_graph *g, char *const *patched, size_t n_patched,
		    struct ipa_affected **out, size_t *n_out, struct strlist *removed_bodies)
{
	struct strmap is_patched = { 0 };
	size_t cap = 0;
	char **names;
	int *owner;

	*out = NULL;
	*n_out = 0;
	if (!g)
		return -1;
	names = xmalloc((n_patched + 1) * sizeof(*names));
	if (n_patched) {
		memcpy(names, patched, n_patched * sizeof(*names));
		qsort(names, n_patched, sizeof(*names), cmp_str);
	}
	for (size_t i = 0; i < n_patched; i++)
		strmap_put(&is_patched, names[i], (int)i);
	owner = new_owner_map(g->n_nodes);
	for (size_t p = 0; p < n_patched; p++) {
		bool found;

		if (p && !strcmp(names[p], names[p - 1]))
			continue;
		if (name_body(g, names[p], &found) == BODY_NONE && found && removed_bodies &&
		    !strlist_contains(removed_bodies, names[p]))
			strlist_push(removed_bodies, names[p]);
		claim_affected(g, names, p, &is_patched, owner, out, n_out, &cap);
	}
	if (*n_out)
		qsort(*out, *n_out, sizeof(**out), cmp_affected);
	free(owner);
	free(names);
	strmap_release(&is_patched);
	return 0;
}

static int cmp_clone(const void *pa, const void *pb)
{
	const struct ipa_clone *a = pa, *b = pb;

	return strcmp(a->name, b->name);
}

static void report_clones(const struct ipa_graph *g, const char *symbol, struct ipa_report *r)
{
	unsigned *when = xmalloc((g->n_nodes + 1) * sizeof(*when));
	struct strmap listed = { 0 };
	size_t cap = 0;

	reach(g, symbol, true, when);
	for (size_t i = 0; i < g->n_nodes; i++) {
		const struct ipa_node *n = &g->nodes[i];
		struct ipa_clone *c;
		int prev;

		if (when[i] == NEVER || n->inline_clone || !strcmp(n->name, symbol))
			continue;
		prev = strmap_get(&listed, n->name);
		if (prev >= 0) {	/* same clone in another unit */
			r->clones[prev].removed &= node_body(n) == BODY_NONE;
			continue;
		}
		c = ARRAY_PUSH(r->clones, r->n_clones, cap);
		c->name = xstrdup(n->name);
		c->kind = xstrdup(node_kind(n));
		c->removed = node_body(n) == BODY_NONE;
		strmap_put(&listed, c->name, (int)(r->n_clones - 1));
	}
	strmap_release(&listed);
	if (r->n_clones)
		qsort(r->clones, r->n_clones, sizeof(*r->clones), cmp_clone);
	free(when);
}

static void report_reach(const struct ipa_graph *g, const char *symbol, struct ipa_report *r)
{
	unsigned *when = xmalloc((g->n_nodes + 1) * sizeof(*when));
	size_t cap = 0;

	reach(g, symbol, false, when);
	for (size_t i = 0; i < g->n_nodes; i++) {
		const struct ipa_node *n = &g->nodes[i];

		if (when[i] == NEVER)
			continue;
		for (size_t k = 0; k < n->n_out; k++) {
			const char *to = g->nodes[n->out[k].to].name;

			if (n->out[k].inlining && n->out[k].time > when[i] && strcmp(to, symbol) &&
			    !strlist_contains(&r->inlined_into, to))
				strlist_push(&r->inlined_into, to);
		}
		if (node_body(n) != BODY_NONE)
			affected_fill(g, ARRAY_PUSH(r->affected, r->n_affected, cap), (int)i, symbol);
	}
	if (r->inlined_into.n)
		qsort(r->inlined_into.v, r->inlined_into.n, sizeof(char *), cmp_str);
	if (r->n_affected)
		qsort(r->affected, r->n_affected, sizeof(*r->affected), cmp_affected);
	free(when);
}

void ipa_report_symbol(struct ipa_graph *g, const char *symbol, struct ipa_report *r)
{
	enum body body;
	int first = -1;

	memset(r, 0, sizeof(*r));
	body = name_body(g, symbol, &r->found);
	r->removed = r->found && body == BODY_NONE;
	r->maybe_removed = body == BODY_MAYBE;
	/* by_name starts at the last node added: the first main node is the last one met. */
	for (int i = strmap_get(&g->by_name, symbol); i >= 0; i = g->nodes[i].next_same_name)
		if (!g->nodes[i].inline_clone)
			first = i;
	if (first >= 0) {
		r->file = xstrdup(g->nodes[first].file);
		r->line = g->nodes[first].line;
	}
	report_clones(g, symbol, r);
	report_reach(g, symbol, r);
}

void ipa_report_release(struct ipa_report *r)
{
	for (size_t i = 0; i < r->n_clones; i++) {
		free(r->clones[i].name);
		free(r->clones[i].kind);
	}
	free(r->clones);
	free(r->file);
	strlist_release(&r->inlined_into);
	ipa_affected_free(r->affected, r->n_affected);
	memset(r, 0, sizeof(*r));
}

/* ---- the original command line ---- */

void ipa_check_cmdline(bool uses_lto, const char *live_patching)
{
	if (uses_lto)
		diag_warning("the original command line uses -flto: -fdump-ipa-clones dumps are per "
			     "translation unit and miss what the link-time optimizer inlined or "
			     "cloned across units; the set of affected functions may be incomplete");
	if (!live_patching)
		return;
	if (!strcmp(live_patching, "inline-clone"))
		diag_note("-flive-patching=inline-clone: GCC restricted its IPA optimizations to "
			  "inlining and cloning, which the IPA clones dumps record completely");
	else if (!strcmp(live_patching, "inline-only-static"))
		diag_note("-flive-patching=inline-only-static: GCC only inlined static functions "
			  "and made no clones; a patched static function affects its callers");
	else
		diag_warning("unknown -flive-patching=%s: the IPA clones dumps may not record "
			     "every optimization that copied code", live_patching);
}
