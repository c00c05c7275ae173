/* "klp-ccp klp-relocs": command line of the klp relocation writer. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/klp_reloc.h"
#include "klp-ccp/symvers.h"

static const char usage[] =
"Usage: klp-ccp klp-relocs --symbols=FILE [--symvers=Module.symvers] [-o OUT] MODULE.ko\n"
"       klp-ccp klp-relocs --symbols=FILE [--symvers=Module.symvers] --write-symvers=OUT [MODULE.o]\n"
"\n"
"Write the klp relocations of a linked livepatch module (what the Makefile\n"
"that 'klp-ccp glue' writes runs after kbuild's final link). Every undefined\n"
"symbol that Module.symvers does not export and that the symbols FILE places\n"
"(lines 'ELF-SYMBOL OBJECT SYMBOL SYMPOS', written by glue from the reports'\n"
"facts) becomes the livepatch symbol '.klp.sym.OBJECT.SYMBOL,SYMPOS'\n"
"(SHN_LIVEPATCH), and its relocations move to '.klp.rela.OBJECT.SECTION'\n"
"sections (SHF_ALLOC|SHF_RELA_LIVEPATCH) that the livepatch core applies.\n"
"Exported symbols stay ordinary references. An undefined symbol that is\n"
"neither exported nor placed is an error naming it. Without --symvers only\n"
"the placed symbols are converted (exported or not). MODULE.ko is replaced\n"
"atomically unless -o names another file; running it again changes nothing.\n"
"\n"
"--write-symvers writes, in Module.symvers format, the placed symbols that\n"
"Module.symvers does not export, as if vmlinux exported them: the generated\n"
"Kbuild gives it to modpost (KBUILD_EXTRA_SYMBOLS), which then reports only\n"
"the undefined symbols that nothing will resolve. Given the module's object\n"
"(kbuild's MODULE.o, before modpost), it first checks that object as the\n"
"conversion would: a symbol neither exported nor placed is an error naming\n"
"it and the function using it (an included header's inline, say).\n"
"\n"
"Options:\n"
"  -s, --symbols=FILE    placements (glue's " KLP_SYMBOLS_FILE " file)\n"
"  -S, --symvers=FILE    the kernel's Module.symvers\n"
"  -o, --output=FILE     write here instead of replacing MODULE.ko\n"
"  -w, --write-symvers=FILE  write modpost's extra symbols instead\n"
"  -v, --verbose         print each symbol converted\n"
"  -h, --help            this text\n";

static const struct option longopts[] = {
	{ "symbols", required_argument, NULL, 's' },
	{ "symvers", required_argument, NULL, 'S' },
	{ "output", required_argument, NULL, 'o' },
	{ "write-symvers", required_argument, NULL, 'w' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *symbols, *symvers, *write_symvers;
	struct klp_reloc_options o;
	bool help;
};

static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+s:S:o:w:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 's': a->symbols = optarg; break;
		case 'S': a->symvers = optarg; break;
		case 'o': a->o.output = optarg; break;
		case 'w': a->write_symvers = optarg; break;
		case 'v': a->o.verbose = true; break;
		case 'h': a->help = true; return 0;
		default:
			diag_error("klp-relocs: unknown option or missing argument '%s' (see --help)",
				   argv[optind - 1]);
			return -1;
		}
	}
	if (a->write_symvers ? argc - optind > 1 : optind != argc - 1) {
		diag_error(a->write_symvers ? "klp-relocs: --write-symvers takes at most one object" :
			   "klp-relocs: give exactly one module (see --help)");
		return -1;
	}
	if (!a->symbols) {
		diag_error("klp-relocs: --symbols=FILE is required (see --help)");
		return -1;
	}
	a->o.input = optind < argc ? argv[optind] : NULL;
	if (a->write_symvers)
		return 0;
	if (!a->o.output)
		a->o.output = a->o.input;
	return 0;
}

int klp_relocs_main(int argc, char **argv)
{
	struct args a = {0};
	struct klp_places places = {0};
	struct strlist names = {0};
	struct strmap exported = {0};
	size_t n = 0;
	int rc;

	if (parse_args(argc, argv, &a))
		return 1;
	if (a.help) {
		fputs(usage, stdout);
		return 0;
	}
	rc = klp_places_read(&places, a.symbols);
	if (!rc && a.symvers) {
		rc = symvers_names(a.symvers, &names);
		for (size_t i = 0; i < names.n; i++)
			strmap_put(&exported, names.v[i], (int)i);
		a.o.exported = &exported;
	}
	a.o.places = &places;
	if (!rc && a.write_symvers && a.o.input && a.o.exported)
		rc = klp_reloc_check(&a.o);
	if (!rc && a.write_symvers)
		rc = klp_places_write_symvers(&places, a.o.exported, a.write_symvers);
	else if (!rc)
		rc = klp_reloc_convert(&a.o, &n);
	if (!rc && a.o.verbose)
		fprintf(stderr, "klp-relocs: %zu symbol%s converted in %s\n", n, n == 1 ? "" : "s",
			a.o.output);
	strmap_release(&exported);
	strlist_release(&names);
	klp_places_release(&places);
	return rc ? 1 : 0;
}
