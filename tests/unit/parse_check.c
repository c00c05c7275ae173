/*
 * parse-check: parse a file the way klp-ccp does and report clang's errors.
 *
 *   parse-check [--dump-prelude] [--dump-args] [--print-macro NAME]... [--time]
 *               [-c ARCH-gcc-VERSION] -- <original compiler command line>
 *
 * Prints every error as "file:line:col: error: text" and a last line
 * "errors: N"; exits 0 iff N == 0. --print-macro tells whether NAME is defined at the end of the
 * translation unit and where its last definition is. --time prints the time
 * taken by gcc_cmdline_prepare() + parse_translation_unit(), the process's
 * CPU time and its peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"

struct check_opts {
	bool dump_prelude, dump_args, time;
	const char *compiler;
	struct strlist macros;
	int first_cmd;		/* index of the compiler command line in argv */
};

static void usage(void)
{
	fputs("usage: parse-check [--dump-prelude] [--dump-args] [--print-macro NAME]... [--time]\n"
	      "                   [-c ARCH-gcc-VERSION] -- <compiler command line>\n", stderr);
}

static bool is_identifier(const char *s)
{
	if (!is_ident_start((unsigned char)*s))
		return false;
	while (is_ident_char((unsigned char)*s))
		s++;
	return !*s;
}

static int parse_options(int argc, char **argv, struct check_opts *o)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--dump-prelude")) {
			o->dump_prelude = true;
		} else if (!strcmp(argv[i], "--dump-args")) {
			o->dump_args = true;
		} else if (!strcmp(argv[i], "--time")) {
			o->time = true;
		} else if (!strcmp(argv[i], "--print-macro") && i + 1 < argc &&
			   is_identifier(argv[i + 1])) {
			strlist_push(&o->macros, argv[++i]);
		} else if (!strcmp(argv[i], "-c") && i + 1 < argc) {
			o->compiler = argv[++i];
		} else {
			usage();
			return -1;
		}
	}
	if (i == argc) {
		usage();
		return -1;
	}
	o->first_cmd = i + 1;
	return 0;
}

/* ---- diagnostics ---- */

static void print_diagnostic(CXDiagnostic d)
{
	CXSourceLocation loc = clang_getDiagnosticLocation(d);
	CXString text = clang_getDiagnosticSpelling(d);
	unsigned line = 0, col = 0;
	CXFile file = NULL;

	clang_getExpansionLocation(loc, &file, &line, &col, NULL);
	if (file) {
		CXString fname = clang_getFileName(file);

		printf("%s:%u:%u: error: %s\n", clang_getCString(fname), line, col,
		       clang_getCString(text));
		clang_disposeString(fname);
	} else {
		printf("<unknown>: error: %s\n", clang_getCString(text));
	}
	clang_disposeString(text);
}

static unsigned report_errors(CXTranslationUnit tu)
{
	unsigned n = clang_getNumDiagnostics(tu), errors = 0;

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			print_diagnostic(d);
			errors++;
		}
		clang_disposeDiagnostic(d);
	}
	return errors;
}

/* ---- --print-macro ---- */

struct macro_query {
	const char *name;
	CXCursor last;		/* last MacroDefinition of name */
	bool found;
	char *marker;		/* variable declared iff name is defined at the end */
	bool defined;
};

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct macro_query *q = data;
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	enum CXCursorKind kind = clang_getCursorKind(c);

	(void)parent;
	if (kind == CXCursor_MacroDefinition && name && !strcmp(name, q->name)) {
		q->last = c;
		q->found = true;
	} else if (kind == CXCursor_VarDecl && name && !strcmp(name, q->marker)) {
		q->defined = true;
	}
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

/* Append "#ifdef NAME / int MARKER; / #endif" to the input and parse again. */
static int reparse_with_marker(CXTranslationUnit tu, const struct gcc_cmdline *cl,
			       const struct macro_query *q)
{
	struct CXUnsavedFile files[2];
	size_t len;
	char *text = read_file(cl->input, &len), *probe;
	int ret;

	if (!text)
		return -1;
	probe = xasprintf("%s\n#ifdef %s\nint %s;\n#endif\n", text, q->name, q->marker);
	free(text);
	files[0] = (struct CXUnsavedFile){ KLP_CCP_PRELUDE_PATH, cl->prelude,
					   (unsigned long)strlen(cl->prelude) };
	files[1] = (struct CXUnsavedFile){ cl->input, probe, (unsigned long)strlen(probe) };
	ret = clang_reparseTranslationUnit(tu, 2, files, clang_defaultReparseOptions(tu));
	free(probe);
	return ret ? -1 : 0;
}

static void print_tokens(CXTranslationUnit tu, CXCursor c)
{
	CXToken *tokens = NULL;
	unsigned n = 0;

	clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &n);
	for (unsigned i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, tokens[i]);

		printf(" %s", clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tokens, n);
}

static void print_definition(CXTranslationUnit tu, const struct macro_query *q)
{
	CXSourceLocation loc = clang_getCursorLocation(q->last);
	unsigned line = 0, col = 0;
	CXFile file = NULL;
	CXString fname;

	clang_getSpellingLocation(loc, &file, &line, &col, NULL);
	if (!file) {
		printf("%s: defined (built-in)\n", q->name);
		return;
	}
	fname = clang_getFileName(file);
	printf("%s: defined at %s:%u:%u:", q->name, clang_getCString(fname), line, col);
	clang_disposeString(fname);
	print_tokens(tu, q->last);
	putchar('\n');
}

static int print_macro(CXTranslationUnit tu, const struct gcc_cmdline *cl, const char *name)
{
	struct macro_query q = { .name = name };

	q.marker = xasprintf("klp_ccp_check_macro_defined_%s", name);
	if (reparse_with_marker(tu, cl, &q) < 0) {
		diag_error("%s: cannot parse again to look up macro %s", cl->input, name);
		free(q.marker);
		return -1;
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &q);
	if (!q.defined)
		printf("%s: not defined\n", name);
	else if (!q.found)
		printf("%s: defined (built-in)\n", name);
	else
		print_definition(tu, &q);
	free(q.marker);
	return 0;
}

/* ---- main ---- */

static void dump_args(const struct gcc_cmdline *cl)
{
	for (size_t i = 0; i < cl->clang_args.n; i++)
		printf("%s\n", cl->clang_args.v[i]);
	printf("%s\n", cl->input);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_cost(double seconds)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	printf("time: %.2f s (cpu %.2f s), max rss: %ld MB\n", seconds,
	       (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	       ru.ru_maxrss / 1024);
}

/* Print each --print-macro answer; false when the TU could not be reparsed. */
static bool print_macros(const struct check_opts *o, CXTranslationUnit tu,
			 const struct gcc_cmdline *cl)
{
	for (size_t i = 0; i < o->macros.n; i++)
		if (print_macro(tu, cl, o->macros.v[i]) < 0)
			return false;
	return true;
}

static int check(const struct check_opts *o, struct gcc_cmdline *cl, double start)
{
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu = parse_translation_unit(index, cl);
	double seconds = now() - start;
	unsigned errors;
	bool macros_ok;

	if (!tu) {
		clang_disposeIndex(index);
		return 1;
	}
	errors = report_errors(tu);
	macros_ok = print_macros(o, tu, cl);
	if (o->time)
		print_cost(seconds);
	printf("errors: %u\n", errors);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return errors || !macros_ok ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct gcc_cmdline cl;
	double start;
	int ret = 1;

	parse_tune_allocator();	/* as klp-ccp does */
	if (parse_options(argc, argv, &o) < 0) {
		strlist_release(&o.macros);
		return 2;
	}
	if (gcc_cmdline_parse(argc - o.first_cmd, argv + o.first_cmd, o.compiler, &cl) < 0) {
		strlist_release(&o.macros);
		return 1;
	}
	start = now();
	if (gcc_cmdline_prepare(&cl) == 0) {
		if (o.dump_prelude)
			fputs(cl.prelude, stdout);
		if (o.dump_args)
			dump_args(&cl);
		ret = o.dump_prelude || o.dump_args ? 0 : check(&o, &cl, start);
	}
	gcc_cmdline_release(&cl);
	strlist_release(&o.macros);
	return ret;
}
