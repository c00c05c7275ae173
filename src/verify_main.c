/*
 * klp-ccp verify --target-object=FILE [--report=R] [--patched-functions=...]
 *                [--format=text|yaml] [--keep=DIR] [-c ARCH-COMPILER-VERSION]
 *                [LP.c] [-- COMMAND | --cmdline-json=F | --kbuild-object=O]
 * Option parsing; the work is in src/verify.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/verify.h"

static const char usage[] =
"Usage: klp-ccp verify --target-object=FILE [--report=REPORT.yaml]\n"
"                      [--patched-functions=NAME[=LPNAME],...] [--format=text|yaml]\n"
"                      [--keep=DIR] [-c ARCH-COMPILER-VERSION] [LP.c]\n"
"                      [-- COMMAND-LINE | --cmdline-json=FILE | --kbuild-object=DIR/NAME.o]\n"
"\n"
"Check that lp.c reproduces the target's code: compile LP.c with the original\n"
"command line of its translation unit (in the current directory, as the\n"
"extraction ran; the input replaced by LP.c, the output in a scratch\n"
"directory, options writing other files left out, -ffunction-sections added)\n"
"and compare each patched function NAME of the target object with LPNAME of\n"
"the result: bytes with relocated fields masked, relocations by normalized\n"
"target (a call the target's assembler resolved within a section compared by\n"
"what it designates, also a final tail jump it shortened), the .cold/.part\n"
"parts, and the __bug_table,\n"
"__jump_table, __ex_table, .altinstructions, __mcount_loc... entries pointing\n"
"into them. Run it on the lp.c an extraction wrote, before applying the fix:\n"
"every function identical means the livepatch starts from what runs.\n"
"\n"
"Options:\n"
"      --target-object=FILE   the object the functions are compared with: a\n"
"                             relocatable object (kernel .o or .ko, user-space\n"
"                             .o) built from the original source (required)\n"
"      --report=REPORT.yaml   the --report of the extraction: LP.c defaults to\n"
"                             its output, the command line to its\n"
"                             compiler_command, the functions to its\n"
"                             patched_functions (those IPA clones added too)\n"
"                             with their new names\n"
"      --patched-functions=NAME[=LPNAME],...\n"
"                             the functions to compare (repeatable); LPNAME\n"
"                             (default klpp_NAME) is the name in lp.c. Required\n"
"                             without --report\n"
"      --format=text|yaml     output format (default text)\n"
"      --keep=DIR             compile into DIR (created if missing) and keep\n"
"                             lp.o and compile.log there (and\n"
"                             callers-control.c/.o: caller-knowledge)\n"
"  -c, --compiler=ARCH-COMPILER-VERSION\n"
"                             the compiler to run, as for klp-ccp -c\n"
"      --cmdline-json=FILE    the original command line from a JSON array\n"
"      --kbuild-object=DIR/NAME.o\n"
"                             the command kbuild recorded in DIR/.NAME.o.cmd\n"
"  -h, --help                 print this help and exit\n"
"The original command line is one of '-- COMMAND-LINE', --cmdline-json,\n"
"--kbuild-object, or the report's compiler_command.\n"
"\n"
"Output (text): one line per function, 'NAME: identical' or\n"
"'NAME: differs (CLASS): DETAIL', then a summary line. CLASS:\n"
"  inlined-differently  callees inlined in one build and called in the\n"
"                       other (named in DETAIL, with the calls they bring)\n"
"  clone-called         a .constprop/.isra/.part clone called instead of the\n"
"                       function, or the reverse; or parts split off in one\n"
"                       build only\n"
"  ipa-facts            the same calls, but to a callee lp.c externalizes that\n"
"                       the original unit defined: GCC used what it knew of it\n"
"  line-only            only line numbers (__LINE__, __bug_table) differ\n"
"  missing              NAME not in the target, or LPNAME not emitted\n"
"  code                 anything else (the first difference in DETAIL)\n"
"--format=yaml: 'functions:', a list of {name, lp_name, status:\n"
"identical|differs, class (null when identical), detail, callees: [...]},\n"
"and 'totals:' {functions, identical, differs, and a count per class}.\n"
"\n"
"Exit status: 0 every function identical, 2 some function differs or is\n"
"missing, 1 error (one line on standard error).\n";

enum { OPT_TARGET = 256, OPT_REPORT, OPT_PATCHED, OPT_FORMAT, OPT_KEEP, OPT_JSON, OPT_KBUILD };

static const struct option longopts[] = {
	{ "target-object", required_argument, NULL, OPT_TARGET },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "patched-functions", required_argument, NULL, OPT_PATCHED },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "keep", required_argument, NULL, OPT_KEEP },
	{ "compiler", required_argument, NULL, 'c' },
	{ "cmdline-json", required_argument, NULL, OPT_JSON },
	{ "kbuild-object", required_argument, NULL, OPT_KBUILD },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* NAME[=LPNAME],... */
static int add_functions(struct verify_req *req, const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL;
	int rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(t, '=');
		struct verify_fn *fn;

		if (eq)
			*eq = '\0';
		if (!rr_is_symbol_name(t) || (eq && !rr_is_symbol_name(eq + 1))) {
			diag_error("verify: invalid function '%s%s%s' in --patched-functions "
				   "(NAME or NAME=LPNAME)", t, eq ? "=" : "", eq ? eq + 1 : "");
			rc = -1;
			break;
		}
		fn = ARRAY_PUSH(req->fns, req->n_fns, req->cap_fns);
		fn->name = xstrdup(t);
		fn->lp_name = eq ? xstrdup(eq + 1) : xasprintf("klpp_%s", t);
	}
	free(copy);
	return rc;
}

/* 0: go on, 1: done (--help), -1: error (printed). */
static int handle(int c, const char *arg, struct verify_req *req)
{
	switch (c) {
	case OPT_TARGET: req->target = optarg; return 0;
	case OPT_REPORT: req->report = optarg; return 0;
	case OPT_PATCHED: return add_functions(req, optarg);
	case OPT_KEEP: req->keep = optarg; return 0;
	case 'c': req->compiler = optarg; return 0;
	case OPT_JSON: req->cmdline_json = optarg; return 0;
	case OPT_KBUILD: req->kbuild_object = optarg; return 0;
	case OPT_FORMAT:
		if (strcmp(optarg, "text") && strcmp(optarg, "yaml")) {
			diag_error("verify: invalid format '%s' (text or yaml)", optarg);
			return -1;
		}
		req->yaml = !strcmp(optarg, "yaml");
		return 0;
	case 'h':
		fputs(usage, stdout);
		return 1;
	case ':':
		diag_error("verify: option '%s' requires an argument (see klp-ccp verify --help)",
			   arg);
		return -1;
	default:
		diag_error("verify: invalid option '%s' (see klp-ccp verify --help)", arg);
		return -1;
	}
}

static int parse_args(int argc, char **argv, struct verify_req *req)
{
	int end = argc, c, rc;

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			end = i;
			break;
		}
	opterr = 0;
	optind = 0;
	/* LP.c may come before or after the options: getopt moves it last */
	while ((c = getopt_long(end, argv, ":c:h", longopts, NULL)) != -1)
		if ((rc = handle(c, argv[optind - 1], req)))
			return rc;
	if (optind < end)
		req->lp_c = argv[optind++];
	if (optind < end) {
		diag_error("verify: unexpected argument '%s' (one LP.c; the command line goes "
			   "after '--')", argv[optind]);
		return -1;
	}
	if (end < argc) {
		req->orig_argv = argv + end + 1;
		req->orig_argc = argc - end - 1;
	}
	if (!req->target) {
		diag_error("verify: no --target-object given (see klp-ccp verify --help)");
		return -1;
	}
	return 0;
}

int verify_main(int argc, char **argv)
{
	struct verify_req req = {0};
	int rc = parse_args(argc, argv, &req);

	if (!rc)
		rc = verify_run(&req);
	else
		rc = rc > 0 ? 0 : 1;
	for (size_t i = 0; i < req.n_fns; i++) {
		free(req.fns[i].name);
		free(req.fns[i].lp_name);
	}
	free(req.fns);
	return rc;
}
