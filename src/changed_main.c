/*
 * klp-ccp changed-functions [--format=yaml|text] ORIG.o PATCHED.o
 *
 * Compares two builds of one translation unit function by function (see
 * include/klp-ccp/objcmp.h) and lists the source functions whose code
 * changed, was added or removed, and those whose only differences are moved
 * line numbers (__LINE__, WARN_ON()/BUG() sites shifted by an unrelated
 * hunk). Clone symbols (.isra.N, .constprop.N, .part.N, .cold) count for the
 * function they were made from.
 *
 *   changed:   [{name: F, symbols: [F, F.cold]}, ...]
 *   added:     ...
 *   removed:   ...
 *   line_only: ...
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"

static const char usage[] =
"Usage: klp-ccp changed-functions [--format=yaml|text] [--strip-prefix=P]... ORIG.o PATCHED.o\n"
"Compare two builds of a translation unit (best compiled with\n"
"-ffunction-sections) and list the functions whose machine code changed,\n"
"was added or removed, and those where only line numbers moved (line_only:\n"
"immediates or __bug_table entries shifted by the same small delta).\n"
"Relocated fields are masked and relocations compared by target, with the\n"
"klpp_/klpr_/klpe_ prefixes stripped and clone numbers ignored; clone\n"
"symbols (.isra/.constprop/.part/.cold) count for their source function.\n"
"\n"
"      --format=yaml|text  output format (default yaml: keys changed, added,\n"
"                          removed, line_only, each a sorted list of\n"
"                          {name, symbols}; text: one 'KIND NAME SYMBOLS:\n"
"                          REASON' line per function)\n"
"      --strip-prefix=P    also strip renaming prefix P from symbol names\n"
"                          (repeatable)\n"
"  -h, --help              print this help and exit\n";

enum kind { K_CHANGED, K_ADDED, K_REMOVED, K_LINE_ONLY, K_SAME, K_NKINDS };
static const char *const kind_names[] = { "changed", "added", "removed", "line_only" };

struct group {
	char *name;			/* source function */
	struct strlist syms;		/* symbols, both objects, sorted, unique */
	size_t *fa, *fb;		/* function indexes in ORIG / PATCHED */
	size_t na, nb, capa, capb;
	enum kind kind;
	int64_t delta;
	char *reason;
};

struct groups {
	struct group *v;
	size_t n, cap;
	struct strmap index;
};

struct args {
	bool text;
	struct strlist prefixes;
	const char *orig, *patched;
};

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

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int cmp_group(const void *x, const void *y)
{
	return strcmp(((const struct group *)x)->name, ((const struct group *)y)->name);
}

/* ---- output ---- */

static bool emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	return yaml_emitter_emit(em, ev) != 0;
}

static bool scalar(yaml_emitter_t *em, const char *s)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
				     YAML_ANY_SCALAR_STYLE);
	return emit(em, &ev);
}

static bool seq_start(yaml_emitter_t *em, bool flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE
							     : YAML_BLOCK_SEQUENCE_STYLE);
	return emit(em, &ev);
}

static bool seq_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	return emit(em, &ev);
}

static bool map_start(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	return emit(em, &ev);
}

static bool map_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	return emit(em, &ev);
}

static bool emit_group(yaml_emitter_t *em, const struct group *gr)
{
	bool ok = map_start(em) && scalar(em, "name") && scalar(em, gr->name) &&
		  scalar(em, "symbols") && seq_start(em, true);

	for (size_t i = 0; ok && i < gr->syms.n; i++)
		ok = scalar(em, gr->syms.v[i]);
	return ok && seq_end(em) && map_end(em);
}

static bool emit_kind(yaml_emitter_t *em, const struct groups *g, enum kind k)
{
	size_t n = 0;
	bool ok;

	for (size_t i = 0; i < g->n; i++)
		n += g->v[i].kind == k;
	ok = scalar(em, kind_names[k]) && seq_start(em, n == 0);
	for (size_t i = 0; ok && i < g->n; i++)
		if (g->v[i].kind == k)
			ok = emit_group(em, &g->v[i]);
	return ok && seq_end(em);
}

static int write_handler(void *data, unsigned char *buf, size_t size)
{
	return fwrite(buf, 1, size, data) == size;
}

static bool print_yaml(const struct groups *g)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	bool ok;

	if (!yaml_emitter_initialize(&em))
		return false;
	yaml_emitter_set_output(&em, write_handler, stdout);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	ok = emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	ok = ok && emit(&em, &ev) && map_start(&em);
	for (enum kind k = K_CHANGED; ok && k < K_SAME; k++)
		ok = emit_kind(&em, g, k);
	ok = ok && map_end(&em);
	yaml_document_end_event_initialize(&ev, 1);
	ok = ok && emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	ok = ok && emit(&em, &ev);
	yaml_emitter_delete(&em);
	return ok;
}

static void print_text(const struct groups *g)
{
	for (enum kind k = K_CHANGED; k < K_SAME; k++) {
		for (size_t i = 0; i < g->n; i++) {
			const struct group *gr = &g->v[i];

			if (gr->kind != k)
				continue;
			printf("%s %s", kind_names[k], gr->name);
			for (size_t s = 0; s < gr->syms.n; s++)
				printf("%s%s", s ? "," : " ", gr->syms.v[s]);
			if (gr->reason)
				printf(": %s", gr->reason);
			putchar('\n');
		}
	}
}

/* ---- driver ---- */

/* 0: go on, 1: done (help), -1: error (reported). */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "strip-prefix", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return 1;
		} else if (c == 'f' && (!strcmp(optarg, "yaml") || !strcmp(optarg, "text"))) {
			a->text = !strcmp(optarg, "text");
		} else if (c == 'f') {
			diag_error("changed-functions: invalid format '%s' (yaml or text)", optarg);
			return -1;
		} else if (c == 'p') {
			strlist_push(&a->prefixes, optarg);
		} else {
			diag_error("changed-functions: invalid option '%s' (see --help)",
				   argv[optind - 1]);
			return -1;
		}
	}
	if (argc - optind != 2) {
		diag_error("changed-functions: expected two objects, ORIG.o PATCHED.o (see --help)");
		return -1;
	}
	a->orig = argv[optind];
	a->patched = argv[optind + 1];
	return 0;
}

static void release_groups(struct groups *g)
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

static int run(const struct args *a)
{
	struct objcmp_opts o = { .attached = true };
	struct objcmp_obj *oa, *ob = NULL;
	struct groups g = {0};
	const char **prefixes = xcalloc(a->prefixes.n + 1, sizeof(char *));
	char *err = NULL;
	bool ok = true;

	for (size_t i = 0; i < a->prefixes.n; i++)
		prefixes[i] = a->prefixes.v[i];
	o.prefixes = prefixes;
	oa = objcmp_open(a->orig, &o, &err);
	if (oa)
		ob = objcmp_open(a->patched, &o, &err);
	free(prefixes);
	if (!ob) {
		diag_error("%s", err);
		free(err);
		objcmp_close(oa);
		return 1;
	}
	add_funcs(&g, oa, false);
	add_funcs(&g, ob, true);
	classify(&g, oa, ob);
	qsort(g.v, g.n, sizeof(*g.v), cmp_group);
	for (size_t i = 0; i < g.n; i++)
		qsort(g.v[i].syms.v, g.v[i].syms.n, sizeof(char *), cmp_str);
	if (a->text)
		print_text(&g);
	else
		ok = print_yaml(&g);
	if (fflush(stdout) || !ok) {
		diag_error("changed-functions: cannot write the output");
		ok = false;
	}
	release_groups(&g);
	objcmp_close(oa);
	objcmp_close(ob);
	return ok ? 0 : 1;
}

int changed_functions_main(int argc, char **argv)
{
	struct args a = {0};
	int rc = parse_args(argc, argv, &a);

	if (rc == 0)
		rc = run(&a);
	else
		rc = rc > 0 ? 0 : 1;
	strlist_release(&a.prefixes);
	return rc;
}
