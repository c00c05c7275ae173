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

#include "klp-ccp/changed_set.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"
#include "klp-ccp/yaml_out.h"

static const char usage[] =
"Usage: klp-ccp changed-functions [--format=yaml|text] [--strip-prefix=P]... ORIG.o PATCHED.o\n"
"Compare two builds of a translation unit (best compiled with\n"
"-ffunction-sections) and list the functions whose machine code changed,\n"
"was added or removed, and those where only line numbers moved (line_only:\n"
"immediates or __bug_table entries shifted by the same small delta).\n"
"Relocated fields are masked and relocations compared by target, with the\n"
"klpp_/klpr_/klpe_ prefixes stripped and clone numbers ignored; clone\n"
"symbols (.isra/.constprop/.part/.cold) count for their source function.\n"
"A changed function ORIG.o gives no ftrace call site (__mcount_loc...) while\n"
"others have one is warned about: a livepatch cannot redirect it.\n"
"\n"
"      --format=yaml|text  output format (default yaml: keys changed, added,\n"
"                          removed, line_only, each a sorted list of\n"
"                          {name, symbols}; text: one 'KIND NAME SYMBOLS:\n"
"                          REASON' line per function)\n"
"      --strip-prefix=P    also strip renaming prefix P from symbol names\n"
"                          (repeatable)\n"
"  -h, --help              print this help and exit\n";

struct args {
	bool text;
	struct strlist prefixes;
	const char *orig, *patched;
};

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int cmp_group(const void *x, const void *y)
{
	return strcmp(((const struct group *)x)->name, ((const struct group *)y)->name);
}

/* ---- output ---- */

static void emit_group(struct yaml_out *yo, const struct group *gr)
{
	yo_map_begin(yo);
	yo_kv_str(yo, "name", gr->name);
	yo_str(yo, "symbols");
	yo_flow_seq_begin(yo);
	for (size_t i = 0; i < gr->syms.n; i++)
		yo_str(yo, gr->syms.v[i]);
	yo_seq_end(yo);
	yo_map_end(yo);
}

static void emit_kind(struct yaml_out *yo, const struct groups *g, enum kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < g->n; i++)
		n += g->v[i].kind == k;
	yo_str(yo, change_kind_names[k]);
	yo_list_begin(yo, n);
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].kind == k)
			emit_group(yo, &g->v[i]);
	yo_seq_end(yo);
}

static bool print_yaml(const struct groups *g)
{
	struct yaml_out yo;
	bool ok;

	yo_stream_begin(&yo);
	yo_doc_begin(&yo, false);
	yo_map_begin(&yo);
	for (enum kind k = K_CHANGED; k < K_SAME; k++)
		emit_kind(&yo, g, k);
	yo_map_end(&yo);
	yo_doc_end(&yo);
	ok = !yo_stream_end(&yo) && !yo_print(&yo, stdout);
	yo_release(&yo);
	return ok;
}

static void print_text(const struct groups *g)
{
	for (enum kind k = K_CHANGED; k < K_SAME; k++) {
		for (size_t i = 0; i < g->n; i++) {
			const struct group *gr = &g->v[i];

			if (gr->kind != k)
				continue;
			printf("%s %s", change_kind_names[k], gr->name);
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

/*
 * A changed function the original gives no ftrace call site (notrace, or
 * inline in the kernel) cannot be redirected by a livepatch: say so, its
 * callers must be patched instead. Only for an object built with ftrace.
 */
static void warn_untraced(const struct groups *g, const struct objcmp_obj *oa, const char *orig)
{
	if (!objcmp_has_ftrace(oa))
		return;
	for (size_t i = 0; i < g->n; i++) {
		const struct group *gr = &g->v[i];
		bool traced = false;

		if (gr->kind != K_CHANGED || !gr->na)
			continue;
		for (size_t k = 0; k < gr->na && !traced; k++)
			traced = objcmp_func_at(oa, gr->fa[k])->ftrace;
		if (!traced)
			diag_warning("%s: %s has no ftrace call site in %s (notrace?): a livepatch cannot redirect it, patch its callers",
				     orig, gr->name, orig);
	}
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
	changed_groups_build(&g, oa, ob);
	qsort(g.v, g.n, sizeof(*g.v), cmp_group);
	warn_untraced(&g, oa, a->orig);
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
	changed_groups_release(&g);
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
