/*
 * klp-ccp ipa-clones [--format=yaml|text] --symbol=NAME... FILE|DIR...
 * What GCC's -fdump-ipa-clones dumps say about functions: their clones, the
 * functions they were inlined into, and the surviving functions whose code
 * contains theirs (the ones a livepatch of them must replace too).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"
#include "klp-ccp/yaml_out.h"

static const char usage[] =
"Usage: klp-ccp ipa-clones [--format=yaml|text] --symbol=NAME... FILE|DIR...\n"
"\n"
"Read GCC -fdump-ipa-clones dumps (FILE.000i.ipa-clones, or directories\n"
"searched recursively for *.ipa-clones) and report, for each NAME:\n"
"  - whether its own out-of-line body survived (or was removed);\n"
"  - its clones (.isra, .constprop, .part, ...), recursively;\n"
"  - the functions it was inlined into, recursively through inline chains;\n"
"  - the affected set: every surviving function (itself, its clones, and\n"
"    the functions holding an inlined copy) whose code contains its code,\n"
"    with the location GCC gives for it. A livepatch of NAME must replace\n"
"    all of them.\n"
"\n"
"Options:\n"
"      --symbol=NAME         the function to report on; repeatable\n"
"      --format=yaml|text    output format (default yaml)\n"
"  -h, --help                print this help and exit\n"
"\n"
"YAML output: a list with one mapping per NAME, keys symbol, removed (bool),\n"
"clones (list of {name, kind}), inlined_into (sorted names) and affected\n"
"(sorted list of {name, file, line}). An affected function, or a NAME, that\n"
"is the origin of .isra/.constprop clones and was not removed also has\n"
"maybe_removed: true: GCC keeps such a body for its clones without saying\n"
"whether the function itself is still emitted.\n"
"\n"
"Exit status: 0 on success, 1 on any error (unreadable or malformed dump,\n"
"reported as FILE:LINE).\n";

enum { OPT_FORMAT = 256, OPT_SYMBOL };

static const struct option options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "symbol", required_argument, NULL, OPT_SYMBOL },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct ipa_args {
	bool text;
	bool help;
	struct strlist symbols;
	struct strlist paths;
};

static int parse_option(int c, struct ipa_args *a, char **argv)
{
	switch (c) {
	case OPT_FORMAT:
		if (!strcmp(optarg, "text"))
			a->text = true;
		else if (strcmp(optarg, "yaml")) {
			diag_error("invalid --format '%s' (expected yaml or text)", optarg);
			return -1;
		}
		return 0;
	case OPT_SYMBOL:
		if (!*optarg) {
			diag_error("empty --symbol");
			return -1;
		}
		if (!strlist_contains(&a->symbols, optarg))
			strlist_push(&a->symbols, optarg);
		return 0;
	case 'h':
		a->help = true;
		return 0;
	case ':':
		diag_error("option '%s' needs an argument", argv[optind - 1]);
		return -1;
	default:
		diag_error("unknown option '%s' (see 'klp-ccp ipa-clones --help')",
			   argv[optind - 1]);
		return -1;
	}
}

static int parse_args(int argc, char **argv, struct ipa_args *a)
{
	int c;

	optind = 0;	/* full reinitialization of getopt's state */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1)
		if (parse_option(c, a, argv))
			return -1;
	if (a->help)
		return 0;
	for (int i = optind; i < argc; i++)
		strlist_push(&a->paths, argv[i]);
	if (!a->symbols.n) {
		diag_error("no --symbol given (see 'klp-ccp ipa-clones --help')");
		return -1;
	}
	if (!a->paths.n) {
		diag_error("no dump file or directory given (see 'klp-ccp ipa-clones --help')");
		return -1;
	}
	return 0;
}

/* ---- YAML ---- */

static bool same_place(const struct ipa_affected *a, const struct ipa_affected *b)
{
	return !strcmp(a->name, b->name) && !strcmp(a->file, b->file) && a->line == b->line;
}

static void yaml_affected(struct yaml_out *y, const struct ipa_report *r)
{
	yo_str(y, "affected");
	yo_seq_begin(y);
	for (size_t i = 0; i < r->n_affected; i++) {
		const struct ipa_affected *a = &r->affected[i];

		if (i && same_place(a, a - 1))	/* same function, other unit */
			continue;
		yo_map_begin(y);
		yo_kv_str(y, "name", a->name);
		yo_kv_str(y, "file", a->file);
		yo_kv_uint(y, "line", a->line);
		if (a->maybe_removed)
			yo_kv_bool(y, "maybe_removed", true);
		yo_map_end(y);
	}
	yo_seq_end(y);
}

static void yaml_symbol(struct yaml_out *y, const char *symbol, const struct ipa_report *r)
{
	yo_map_begin(y);
	yo_kv_str(y, "symbol", symbol);
	yo_kv_bool(y, "removed", r->removed);
	if (r->maybe_removed)
		yo_kv_bool(y, "maybe_removed", true);
	yo_str(y, "clones");
	yo_seq_begin(y);
	for (size_t i = 0; i < r->n_clones; i++) {
		yo_map_begin(y);
		yo_kv_str(y, "name", r->clones[i].name);
		yo_kv_str(y, "kind", r->clones[i].kind);
		yo_map_end(y);
	}
	yo_seq_end(y);
	yo_str(y, "inlined_into");
	yo_flow_seq_begin(y);
	for (size_t i = 0; i < r->inlined_into.n; i++)
		yo_str(y, r->inlined_into.v[i]);
	yo_seq_end(y);
	yaml_affected(y, r);
	yo_map_end(y);
}

/* ---- text ---- */

/* " [fs_namei.c]" for ".../fs_namei.c.000i.ipa-clones". */
static void print_unit(FILE *f, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 11 && !strcmp(base + len - 11, ".ipa-clones")) {
		len -= 11;
		if (len > 5 && base[len - 5] == '.' && base[len - 1] == 'i' &&
		    strspn(base + len - 4, "0123456789") == 3)
			len -= 5;
	}
	fprintf(f, " [%.*s]", (int)len, base);
}

/* "PREFIX a, b, c" wrapped at 80 columns, continuation lines indented like the first name. */
static void text_names(FILE *f, const char *prefix, const struct strlist *names)
{
	size_t indent = strlen(prefix), col = indent;

	fputs(prefix, f);
	if (!names->n)
		fputs("none", f);
	for (size_t i = 0; i < names->n; i++) {
		size_t len = strlen(names->v[i]) + (i + 1 < names->n);

		if (i && col + 1 + len > 80) {
			fprintf(f, ",\n%*s", (int)indent, "");
			col = indent;
		} else if (i) {
			fputs(", ", f);
			col += 2;
		}
		fputs(names->v[i], f);
		col += strlen(names->v[i]);
	}
	fputc('\n', f);
}

static void text_symbol(FILE *f, const char *symbol, const struct ipa_report *r, bool units)
{
	if (!r->found) {
		fprintf(f, "%s: not in the dumps (GCC neither cloned, inlined nor removed it)\n\n",
			symbol);
		return;
	}
	fprintf(f, "%s (%s:%u)\n", symbol, r->file, r->line);
	fprintf(f, "  own body:     %s\n", r->removed ? "removed (no out-of-line copy)" :
		r->maybe_removed ? "kept for its clones, maybe not emitted" : "kept");
	if (r->n_clones)
		fprintf(f, "  clones:       %zu\n", r->n_clones);
	else
		fprintf(f, "  clones:       none\n");
	for (size_t i = 0; i < r->n_clones; i++)
		fprintf(f, "    %s (%s%s)\n", r->clones[i].name, r->clones[i].kind,
			r->clones[i].removed ? ", removed" : "");
	text_names(f, "  inlined into: ", &r->inlined_into);
	fprintf(f, "  affected:     %zu function%s to replace%s\n", r->n_affected,
		r->n_affected == 1 ? "" : "s", r->n_affected ? ":" : "");
	for (size_t i = 0; i < r->n_affected; i++) {
		const struct ipa_affected *a = &r->affected[i];

		fprintf(f, "    %-32s %s:%u", a->name, a->file, a->line);
		if (strcmp(a->kind, "original"))
			fprintf(f, " (%s clone)", a->kind);
		if (a->maybe_removed)
			fprintf(f, " (maybe not emitted)");
		if (units)
			print_unit(f, a->unit);
		fputc('\n', f);
	}
	fputc('\n', f);
}

static int report_all(struct ipa_graph *g, const struct ipa_args *a)
{
	struct yaml_out y;
	int rc = 0;

	if (!a->text) {
		yo_stream_begin(&y);
		yo_doc_begin(&y, false);
		yo_seq_begin(&y);
	}
	for (size_t i = 0; i < a->symbols.n; i++) {
		struct ipa_report r;

		ipa_report_symbol(g, a->symbols.v[i], &r);
		if (!r.found)
			diag_warning("'%s' is not in the IPA clones dumps", a->symbols.v[i]);
		if (a->text)
			text_symbol(stdout, a->symbols.v[i], &r, ipa_n_units(g) > 1);
		else
			yaml_symbol(&y, a->symbols.v[i], &r);
		ipa_report_release(&r);
	}
	if (!a->text) {
		yo_seq_end(&y);
		yo_doc_end(&y);
		rc = yo_stream_end(&y) || yo_print(&y, stdout) ? -1 : 0;
		yo_release(&y);
		if (rc) {
			diag_error("cannot write the YAML output");
			return -1;
		}
	}
	if (fflush(stdout)) {
		diag_error("cannot write the output");
		return -1;
	}
	return 0;
}

int ipa_clones_main(int argc, char **argv)
{
	struct ipa_args a = { 0 };
	struct ipa_graph *g = NULL;
	int ret = 1;

	if (parse_args(argc, argv, &a))
		goto out;
	if (a.help) {
		fputs(usage, stdout);
		ret = 0;
		goto out;
	}
	g = ipa_load(&a.paths);
	if (g && !report_all(g, &a))
		ret = 0;
out:
	ipa_free(g);
	strlist_release(&a.symbols);
	strlist_release(&a.paths);
	return ret;
}
