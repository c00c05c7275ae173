/*
 * klp-ccp ipa-clones [--format=yaml|text] --symbol=NAME... FILE|DIR...
 * What GCC's -fdump-ipa-clones dumps say about functions: their clones, the
 * functions they were inlined into, and the surviving functions whose code
 * contains theirs (the ones a livepatch of them must replace too).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"

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

struct yaml_w {
	yaml_emitter_t em;
	bool failed;
};

static void y_emit(struct yaml_w *y, yaml_event_t *ev)
{
	if (y->failed || !yaml_emitter_emit(&y->em, ev))
		y->failed = true;
}

static void y_str(struct yaml_w *y, const char *s)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
				     1, 1, YAML_ANY_SCALAR_STYLE);
	y_emit(y, &ev);
}

/* A plain scalar (bool, number). */
static void y_plain(struct yaml_w *y, const char *s)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)YAML_STR_TAG, (yaml_char_t *)s,
				     (int)strlen(s), 1, 0, YAML_PLAIN_SCALAR_STYLE);
	y_emit(y, &ev);
}

static void y_uint(struct yaml_w *y, unsigned v)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%u", v);
	y_plain(y, buf);
}

static void y_seq(struct yaml_w *y, bool start, bool flow)
{
	yaml_event_t ev;

	if (start)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
			flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	else
		yaml_sequence_end_event_initialize(&ev);
	y_emit(y, &ev);
}

static void y_map(struct yaml_w *y, bool start)
{
	yaml_event_t ev;

	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	y_emit(y, &ev);
}

static void y_doc(struct yaml_w *y, bool start)
{
	yaml_event_t ev;

	if (start) {
		yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
		y_emit(y, &ev);
		yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
		y_emit(y, &ev);
	} else {
		yaml_document_end_event_initialize(&ev, 1);
		y_emit(y, &ev);
		yaml_stream_end_event_initialize(&ev);
		y_emit(y, &ev);
	}
}

static bool same_place(const struct ipa_affected *a, const struct ipa_affected *b)
{
	return !strcmp(a->name, b->name) && !strcmp(a->file, b->file) && a->line == b->line;
}

static void yaml_affected(struct yaml_w *y, const struct ipa_report *r)
{
	y_str(y, "affected");
	y_seq(y, true, false);
	for (size_t i = 0; i < r->n_affected; i++) {
		const struct ipa_affected *a = &r->affected[i];

		if (i && same_place(a, a - 1))	/* same function, other unit */
			continue;
		y_map(y, true);
		y_str(y, "name");
		y_str(y, a->name);
		y_str(y, "file");
		y_str(y, a->file);
		y_str(y, "line");
		y_uint(y, a->line);
		if (a->maybe_removed) {
			y_str(y, "maybe_removed");
			y_plain(y, "true");
		}
		y_map(y, false);
	}
	y_seq(y, false, false);
}

static void yaml_symbol(struct yaml_w *y, const char *symbol, const struct ipa_report *r)
{
	y_map(y, true);
	y_str(y, "symbol");
	y_str(y, symbol);
	y_str(y, "removed");
	y_plain(y, r->removed ? "true" : "false");
	if (r->maybe_removed) {
		y_str(y, "maybe_removed");
		y_plain(y, "true");
	}
	y_str(y, "clones");
	y_seq(y, true, false);
	for (size_t i = 0; i < r->n_clones; i++) {
		y_map(y, true);
		y_str(y, "name");
		y_str(y, r->clones[i].name);
		y_str(y, "kind");
		y_str(y, r->clones[i].kind);
		y_map(y, false);
	}
	y_seq(y, false, false);
	y_str(y, "inlined_into");
	y_seq(y, true, true);
	for (size_t i = 0; i < r->inlined_into.n; i++)
		y_str(y, r->inlined_into.v[i]);
	y_seq(y, false, true);
	yaml_affected(y, r);
	y_map(y, false);
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
	struct yaml_w y = { 0 };

	if (!a->text) {
		yaml_emitter_initialize(&y.em);
		yaml_emitter_set_output_file(&y.em, stdout);
		yaml_emitter_set_unicode(&y.em, 1);
		yaml_emitter_set_width(&y.em, -1);
		y_doc(&y, true);
		y_seq(&y, true, false);
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
		y_seq(&y, false, false);
		y_doc(&y, false);
		yaml_emitter_flush(&y.em);
		yaml_emitter_delete(&y.em);
		if (y.failed) {
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
