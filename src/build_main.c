/*
 * "klp-ccp build --tree=KERNEL --patch=FIX -o OUTDIR": from a fix to a
 * livepatch module in one command (build.h). This file: the command line,
 * OUTDIR, and the order of the steps.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/build.h"
#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/glue.h"
#include "klp-ccp/options.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/subcommands.h"

#define BUILD_MARKER ".klp-ccp-build"

static const char usage[] =
"Usage: klp-ccp build --tree=KERNEL_TREE --patch=FIX.patch -o OUTDIR [OPTION]...\n"
"       klp-ccp build --tree=KERNEL_TREE --patched-functions=UNIT.c:F,G... -o OUTDIR\n"
"\n"
"From a fix to a livepatch module in one command, run from anywhere. The fix\n"
"is split per C source file (each a translation unit); each unit's original\n"
"command line is read from kbuild's DIR/.NAME.o.cmd in the tree; the units\n"
"are extracted in parallel (klp-ccp --patch, run in the tree); the reports are\n"
"glued (klp-ccp glue) and the module is built against the tree, with its klp\n"
"relocations (make: kbuild, then klp-ccp klp-relocs). Prints what was\n"
"patched per unit, the externalized symbols, which of them are reached\n"
"through klp relocations, and where the .ko is.\n"
"\n"
"The tree must be built (vmlinux, Module.symvers, the units' objects) with\n"
"CONFIG_LIVEPATCH=y: it is the tree of the running kernel. Nothing is\n"
"written into it (kbuild builds the module with M=OUTDIR).\n"
"\n"
"Options:\n"
"      --tree=DIR             the built kernel tree (required)\n"
"      --patch=FILE           the fix (a unified diff, -p1 or -p0, of .c and .h\n"
"                             files; a header's hunks go to every unit)\n"
"      --patched-functions=UNIT.c:F[,G...]\n"
"                             patch these functions of UNIT.c (relative to the\n"
"                             tree); repeatable, with or instead of --patch\n"
"      --unit=DIR/NAME.c      also extract this unit with the patch (a unit\n"
"                             whose code only the patch's headers change)\n"
"  -o, --output=OUTDIR        output directory: created; one an earlier build\n"
"                             wrote is replaced; any other must be empty\n"
"  -n, --name=NAME            module name (default klp_ + the patch's file name,\n"
"                             without --patch " GLUE_DEFAULT_NAME ")\n"
"  -j, --jobs=N               parallel extractions and make jobs (default: the\n"
"                             number of CPUs)\n"
"      --replace              atomic replace livepatch (klp_patch.replace)\n"
"      --target-object=FILE   binary facts for every unit (repeatable); default:\n"
"                             the tree's vmlinux for a unit linked into it, the\n"
"                             module's .ko for a unit of a module, else the\n"
"                             unit's object\n"
"      --symvers=FILE         default: the tree's Module.symvers\n"
"      --ipa-clones=FILE|DIR  GCC clone dumps (repeatable); default: the tree's\n"
"                             DIR/NAME.c.000i.ipa-clones of each unit, if any\n"
"  -I, -H, -F, -S, -O, -E, -P, -R, --pol-cmd-*=CMD, --pol-server=CMD,\n"
"      --pol-cmd-timeout=SECONDS, --no-ipa-extend, -c/--compiler=...\n"
"                             policy options, as for extraction (klp-ccp\n"
"                             --help), given to every unit; default: the\n"
"                             built-in defaults. A hook command whose first word\n"
"                             is a relative path that exists here is made\n"
"                             absolute (hooks run in the tree)\n"
"  -h, --help                 this text\n"
"\n"
"Relative paths are taken from the current directory; those of\n"
"--target-object, --symvers and --ipa-clones from the tree when the current\n"
"directory has no such file. OUTDIR receives units/NAME.{patch,c,yaml,log} per\n"
"unit, the module sources (klp-ccp glue), make.log and NAME.ko. On failure the\n"
"exit status is 1, the error names the log, and OUTDIR has no NAME.ko. A hunk\n"
"that does not apply (an error) or applies with fuzz (a warning) or at an\n"
"offset (a note) is named by FIX.patch and the line of its @@ there.\n";

enum {
	OPT_TREE = 256, OPT_PATCH, OPT_PATCHED, OPT_UNIT, OPT_REPLACE, OPT_TARGET,
	OPT_SYMVERS, OPT_IPA, OPT_POL_SERVER, OPT_TIMEOUT, OPT_NO_IPA_EXTEND,
};

/* Besides these, -I/-H/... and --pol-cmd-HOOK=CMD (options_table()). */
static const struct option base_options[] = {
	{ "tree", required_argument, NULL, OPT_TREE },
	{ "patch", required_argument, NULL, OPT_PATCH },
	{ "patched-functions", required_argument, NULL, OPT_PATCHED },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "output", required_argument, NULL, 'o' },
	{ "outfile", required_argument, NULL, 'o' },
	{ "name", required_argument, NULL, 'n' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "replace", no_argument, NULL, OPT_REPLACE },
	{ "target-object", required_argument, NULL, OPT_TARGET },
	{ "symvers", required_argument, NULL, OPT_SYMVERS },
	{ "ipa-clones", required_argument, NULL, OPT_IPA },
	{ "pol-server", required_argument, NULL, OPT_POL_SERVER },
	{ "pol-cmd-timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "no-ipa-extend", no_argument, NULL, OPT_NO_IPA_EXTEND },
	{ "compiler", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
};

#define N_BASE (sizeof(base_options) / sizeof(base_options[0]))

static char hook_long_names[HOOK_COUNT][64];

/* base_options, then one --pol-cmd-HOOK per hook (the names of cli.c), then the end. */
static const struct option *options_table(void)
{
	static struct option table[N_BASE + HOOK_COUNT + 1];

	memcpy(table, base_options, sizeof(base_options));
	for (int id = 0; id < HOOK_COUNT; id++) {
		snprintf(hook_long_names[id], sizeof(hook_long_names[id]), "pol-cmd-%s",
			 hook_name(id));
		table[N_BASE + id] = (struct option){ hook_long_names[id], required_argument,
						      NULL, hook_letter(id) };
	}
	return table;
}

/* The long name of a hook's short letter (or of -c), for the child's argv. */
static const char *policy_option(int c)
{
	for (int id = 0; id < HOOK_COUNT; id++)
		if (hook_letter(id) == c)
			return hook_long_names[id];
	return c == 'c' ? "compiler" : NULL;
}

/*
 * An absolute path of a file given on the command line, without "." and
 * ".." (it is printed): its directory resolved, the last component kept.
 */
static char *absolute(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
	char *real = realpath(dir, NULL), *abs;
	const char *last = slash ? slash + 1 : path;

	if (!real || !*last || !strcmp(last, ".") || !strcmp(last, ".."))
		abs = real && !*last ? xstrdup(real) : realpath(path, NULL);
	else
		abs = xasprintf("%s/%s", strcmp(real, "/") ? real : "", last);
	free(real);
	free(dir);
	return abs ? abs : xstrdup(path);
}

/* A relative path: from here when it exists here, else from the tree. */
static char *here_or_tree(const char *tree, const char *path)
{
	if (path[0] == '/' || !access(path, F_OK) || !tree)
		return absolute(path);
	return xasprintf("%s/%s", tree, path);
}

/* A hook command whose first word is a relative path existing here: made absolute. */
static char *hook_command(const char *cmd)
{
	size_t n = strcspn(cmd, " \t");
	char *first = xstrndup(cmd, n), *abs;

	if (first[0] == '/' || !strchr(first, '/') || access(first, F_OK)) {
		free(first);
		return xstrdup(cmd);
	}
	abs = absolute(first);
	free(first);
	first = xasprintf("%s%s", abs, cmd + n);
	free(abs);
	return first;
}

struct raw_args {
	const char *tree, *patch, *outdir, *symvers;
	struct strlist targets, ipa;
};

static int parse_policy_option(int c, const char *arg, struct build_options *o)
{
	const char *name = policy_option(c);
	char *cmd;

	if (c == OPT_NO_IPA_EXTEND) {
		strlist_push(&o->child_opts, "--no-ipa-extend");
	} else if (c == OPT_TIMEOUT) {
		strlist_push_owned(&o->child_opts, xasprintf("--pol-cmd-timeout=%s", arg));
	} else if (c == OPT_POL_SERVER || name) {
		cmd = c == 'c' ? xstrdup(arg) : hook_command(arg);
		strlist_push_owned(&o->child_opts,
				   xasprintf("--%s=%s", name ? name : "pol-server", cmd));
		free(cmd);
	} else {
		return -1;
	}
	return 0;
}

static int parse_option(int c, struct raw_args *a, struct build_options *o, bool *help)
{
	switch (c) {
	case OPT_TREE: a->tree = optarg; break;
	case OPT_PATCH: a->patch = optarg; break;
	case OPT_PATCHED: strlist_push(&o->unit_functions, optarg); break;
	case OPT_UNIT: strlist_push(&o->extra_units, optarg); break;
	case 'o': a->outdir = optarg; break;
	case 'n': o->name = optarg; break;
	case 'j': {
		char *end;
		long n = strtol(optarg, &end, 10);

		o->jobs = *end || n < 1 || n > 1024 ? 0 : (int)n;
		if (!o->jobs) {
			diag_error("build: -j wants a number from 1 to 1024, not '%s'", optarg);
			return -1;
		}
		break;
	}
	case OPT_REPLACE: o->replace = true; break;
	case OPT_TARGET: strlist_push(&a->targets, optarg); break;
	case OPT_SYMVERS: a->symvers = optarg; break;
	case OPT_IPA: strlist_push(&a->ipa, optarg); break;
	case 'h': *help = true; break;
	default:
		return parse_policy_option(c, optarg, o);
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct raw_args *a, struct build_options *o,
		      bool *help)
{
	int c;
	const struct option *longopts = options_table();

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+:o:n:j:c:I:H:F:S:O:E:P:R:h", longopts, NULL)) != -1)
		if (c == '?' || c == ':' || parse_option(c, a, o, help)) {
			if (c == '?' || c == ':')
				diag_error("build: unknown option or missing argument '%s' (see "
					   "klp-ccp build --help)", argv[optind - 1]);
			return -1;
		}
	if (optind < argc) {
		diag_error("build: unexpected argument '%s' (see klp-ccp build --help)",
			   argv[optind]);
		return -1;
	}
	return 0;
}

/* "klp_" and the patch's file name up to its first '.', as a C identifier. */
static char *default_name(const char *patch)
{
	const char *base = strrchr(patch, '/') ? strrchr(patch, '/') + 1 : patch;
	char *name = xasprintf("klp_%.*s", (int)strcspn(base, "."), base);

	for (char *p = name; *p; p++)
		if (!is_ident_char((unsigned char)*p))
			*p = '_';
	if (strlen(name) > 55)
		name[55] = '\0';
	return name;
}

static int check_paths(const struct raw_args *a)
{
	struct stat st;

	if (!a->tree || !a->outdir) {
		diag_error("build: --tree=KERNEL_TREE and -o OUTDIR are required (see klp-ccp "
			   "build --help)");
		return -1;
	}
	if (stat(a->tree, &st) || !S_ISDIR(st.st_mode)) {
		diag_error("build: --tree '%s' is not a directory", a->tree);
		return -1;
	}
	if (a->patch && access(a->patch, R_OK)) {
		diag_error("build: cannot read '%s': %s", a->patch, strerror(errno));
		return -1;
	}
	return 0;
}

static int check_file(const char *what, const char *path)
{
	if (!access(path, R_OK))
		return 0;
	diag_error("build: %s '%s': %s", what, path, strerror(errno));
	return -1;
}

/* Paths made absolute (children run in the tree); the tree's defaults. */
static int resolve(const struct raw_args *a, struct build_options *o, char **owned)
{
	char *tree = realpath(a->tree, NULL), *symvers;
	int rc = 0;

	owned[0] = tree;
	o->tree = tree;
	o->outdir = owned[1] = absolute(a->outdir);
	o->patch = a->patch ? (owned[2] = absolute(a->patch)) : NULL;
	o->patch_name = a->patch;
	for (size_t i = 0; i < a->targets.n && !rc; i++) {
		strlist_push_owned(&o->target_objects, here_or_tree(tree, a->targets.v[i]));
		rc = check_file("--target-object", o->target_objects.v[i]);
	}
	for (size_t i = 0; i < a->ipa.n && !rc; i++) {
		strlist_push_owned(&o->ipa_clones, here_or_tree(tree, a->ipa.v[i]));
		rc = check_file("--ipa-clones", o->ipa_clones.v[i]);
	}
	symvers = a->symvers ? here_or_tree(tree, a->symvers) :
		  xasprintf("%s/Module.symvers", tree);
	if (a->symvers && !rc)
		rc = check_file("--symvers", symvers);
	o->symvers = owned[3] = !access(symvers, R_OK) ? symvers : NULL;
	if (!o->symvers)
		free(symvers);
	if (!o->name)
		o->name = owned[4] = o->patch ? default_name(o->patch) : xstrdup(GLUE_DEFAULT_NAME);
	if (!rc && (!rr_is_c_identifier(o->name) || strlen(o->name) > 55)) {
		diag_error("build: invalid module name '%s' (letters, digits and '_', at most 55)",
			   o->name);
		rc = -1;
	}
	return rc;
}

/* OUTDIR: new, or empty, or an earlier build's (replaced); removed on a signal. */
static int prepare_outdir(const struct build_options *o)
{
	char *marker = xasprintf("%s/" BUILD_MARKER, o->outdir);
	char *units = xasprintf("%s/units", o->outdir);
	struct stat st;
	FILE *f;
	int rc = 0;

	if (!lstat(o->outdir, &st)) {
		if (S_ISDIR(st.st_mode) && !access(marker, F_OK))
			cleanup_remove_tree(o->outdir);
		else if (!S_ISDIR(st.st_mode) || rmdir(o->outdir))
			rc = -1;
		if (rc)
			diag_error("build: '%s' exists and is not the output of an earlier klp-ccp "
				   "build: remove it or choose another -o", o->outdir);
	}
	if (!rc && cleanup_mkdir_tree(o->outdir, 0777)) {
		diag_error("build: cannot create '%s': %s", o->outdir, strerror(errno));
		rc = -1;
	}
	if (!rc && (!(f = fopen(marker, "w")) || fputs("klp-ccp build output\n", f) < 0 ||
		    fclose(f) || mkdir(units, 0777))) {
		diag_error("build: cannot write into '%s': %s", o->outdir, strerror(errno));
		rc = -1;
	}
	free(marker);
	free(units);
	return rc;
}

static int glue_units(const struct build_options *o, const struct build_plan *plan)
{
	struct strlist reports = { 0 };
	struct glue_options g = { .outdir = o->outdir, .name = o->name, .kdir = o->tree,
				  .replace = o->replace };
	int rc;

	for (size_t i = 0; i < plan->n; i++)
		strlist_push_owned(&reports, xasprintf("%s/units/%s.yaml", o->outdir,
						       plan->units[i].base));
	g.reports = reports.v;
	g.n_reports = reports.n;
	rc = glue_generate(&g);
	if (rc)
		diag_error("build: glue failed (reports in %s/units)", o->outdir);
	strlist_release(&reports);
	return rc;
}

/* The steps after OUTDIR exists; on failure it keeps the logs, never a .ko. */
static int run_steps(struct build_options *o, struct build_plan *plan)
{
	char *ko = xasprintf("%s/%s.ko", o->outdir, o->name);
	int rc;

	if (o->jobs > (int)plan->n)
		o->jobs = (int)plan->n;
	rc = build_run_extractions(o, plan);
	if (!rc)
		rc = glue_units(o, plan);
	if (!rc) {
		o->jobs = o->jobs < 2 ? 2 : o->jobs;
		rc = build_run_make(o);
	}
	if (!rc)
		rc = build_print_summary(o, plan);
	if (rc)
		unlink(ko);	/* kbuild's link without the klp relocations */
	cleanup_forget(o->outdir);
	free(ko);
	return rc;
}

static void release_options(struct build_options *o, struct raw_args *a, char **owned)
{
	strlist_release(&o->unit_functions);
	strlist_release(&o->extra_units);
	strlist_release(&o->target_objects);
	strlist_release(&o->ipa_clones);
	strlist_release(&o->child_opts);
	strlist_release(&a->targets);
	strlist_release(&a->ipa);
	for (int i = 0; i < 5; i++)
		free(owned[i]);
}

int build_main(int argc, char **argv)
{
	struct build_options o = { 0 };
	struct raw_args a = { 0 };
	struct build_plan plan = { 0 };
	char *owned[5] = { 0 };
	bool help = false;
	int rc;

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	o.jobs = cpus > 0 ? (int)cpus : 1;
	rc = parse_args(argc, argv, &a, &o, &help);
	if (!rc && help) {
		fputs(usage, stdout);
	} else if (!rc) {
		rc = check_paths(&a) || resolve(&a, &o, owned) || build_plan_units(&o, &plan) ||
		     prepare_outdir(&o) || run_steps(&o, &plan) ? -1 : 0;
	}
	build_plan_release(&plan);
	release_options(&o, &a, owned);
	return rc ? 1 : 0;
}
