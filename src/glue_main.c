/* "klp-ccp glue -o DIR REPORT.yaml...": command line of the glue generator. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/glue.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/subcommands.h"

static const char usage[] =
"Usage: klp-ccp glue -o DIR [--name=NAME] [--kdir=KDIR] [--replace] [--force] REPORT.yaml...\n"
"\n"
"Generate the sources of a livepatch module from the reports of one or more\n"
"klp-ccp runs (klp-ccp -o lp.c --report=REPORT.yaml ...) and the lp.c files\n"
"they describe (the report's 'output'; a relative path is taken from the\n"
"current directory, else from the report's directory). DIR receives:\n"
"\n"
"  livepatch.c          klp_func/klp_object/klp_patch, module init and exit\n"
"  lp_<source>.c        each lp.c, renamed after its source file, with the\n"
"                       initializers of its pointer externalizations appended\n"
"  klp-symbols          where each externalized symbol is (object, sympos)\n"
"  Kbuild, Makefile     make [KDIR=<prepared kernel tree>] builds NAME.ko and\n"
"                       writes its klp relocations (klp-ccp klp-relocs)\n"
"\n"
"Options:\n"
"  -o, --output=DIR   output directory (created if missing)\n"
"  -n, --name=NAME    module name (default " GLUE_DEFAULT_NAME ")\n"
"  -k, --kdir=KDIR    default kernel tree of the Makefile\n"
"                     (default /lib/modules/$(uname -r)/build)\n"
"  -r, --replace      atomic replace livepatch (klp_patch.replace = true)\n"
"  -f, --force        accept externalized statics without object facts\n"
"                     (object: null), assuming they are in vmlinux\n"
"  -h, --help         this text\n"
"\n"
"A symbol patched by two reports, or a new name used twice, is an error.\n"
"So is a static externalized without object facts (extract with\n"
"--target-object), unless --force.\n";

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "name", required_argument, NULL, 'n' },
	{ "kdir", required_argument, NULL, 'k' },
	{ "replace", no_argument, NULL, 'r' },
	{ "force", no_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_args(int argc, char **argv, struct glue_options *o, bool *help)
{
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+o:n:k:rfh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case 'n': o->name = optarg; break;
		case 'k': o->kdir = optarg; break;
		case 'r': o->replace = true; break;
		case 'f': o->force = true; break;
		case 'h': *help = true; return 0;
		default:
			diag_error("glue: unknown option or missing argument '%s' (see --help)",
				   argv[optind - 1]);
			return -1;
		}
	}
	o->reports = argv + optind;
	o->n_reports = (size_t)(argc - optind);
	return 0;
}

static int check_args(const struct glue_options *o)
{
	if (!o->outdir || !*o->outdir) {
		diag_error("glue: -o DIR is required (see --help)");
		return -1;
	}
	if (!o->n_reports) {
		diag_error("glue: no report given (see --help)");
		return -1;
	}
	if (!rr_is_c_identifier(o->name) || strlen(o->name) > 55) {
		diag_error("glue: invalid module name '%s' (letters, digits and '_', at most 55)",
			   o->name);
		return -1;
	}
	if (o->kdir && strpbrk(o->kdir, " \t\n#$\\")) {
		diag_error("glue: unsupported character in --kdir '%s'", o->kdir);
		return -1;
	}
	return 0;
}

int glue_main(int argc, char **argv)
{
	struct glue_options o = { .name = GLUE_DEFAULT_NAME };
	bool help = false;

	if (parse_args(argc, argv, &o, &help))
		return 1;
	if (help) {
		fputs(usage, stdout);
		return 0;
	}
	if (check_args(&o))
		return 1;
	return glue_generate(&o) ? 1 : 0;
}
