/*
 * The original compiler command line (DESIGN.md section 1): @file response
 * files, the compiler program, the one C input file, and the flags that
 * matter to GCC's predefined macros, to its include path and to the parse.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"

/* GCC's expandargv() gives up after this many response files. */
#define MAX_RESPONSE_FILES 2000

/* What an option with an argument means to us. */
enum opt_kind {
	OPT_DEFINE,	/* -D: into the prelude */
	OPT_UNDEF,	/* -U: into the prelude */
	OPT_INCDIR,	/* -I and friends: to clang, in order */
	OPT_INCLUDE,	/* -include: to clang, in order */
	OPT_IMACROS,	/* -imacros: to clang, in order */
	OPT_LANG,	/* -x */
	OPT_SYSROOT,	/* --sysroot: to GCC and to clang */
	OPT_TARGET,	/* to GCC's probes only */
	OPT_DROP,	/* output files, linker and assembler options */
};

/* How the argument may be attached to the option name. */
enum opt_join {
	JOIN_NONE,	/* "-u SYM" only */
	JOIN_DIRECT,	/* "-IDIR" or "-I DIR" */
	JOIN_EQ,	/* "--param=X" or "--param X" */
};

struct opt_spec {
	const char *name;
	enum opt_join join;
	enum opt_kind kind;
	const char *canon;	/* equivalent short spelling, or NULL */
};

/* GCC options that take an argument (a separate one when not joined). */
static const struct opt_spec valued_opts[] = {
	{ "-D", JOIN_DIRECT, OPT_DEFINE, NULL },
	{ "-U", JOIN_DIRECT, OPT_UNDEF, NULL },
	{ "-I", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-iquote", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-isystem", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-idirafter", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-iprefix", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-iwithprefix", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-iwithprefixbefore", JOIN_DIRECT, OPT_INCDIR, NULL },
	{ "-include", JOIN_DIRECT, OPT_INCLUDE, NULL },
	{ "-imacros", JOIN_DIRECT, OPT_IMACROS, NULL },
	{ "-x", JOIN_DIRECT, OPT_LANG, NULL },
	{ "--sysroot", JOIN_EQ, OPT_SYSROOT, NULL },
	{ "-isysroot", JOIN_DIRECT, OPT_TARGET, NULL },
	{ "-imultilib", JOIN_DIRECT, OPT_TARGET, NULL },
	{ "-imultiarch", JOIN_DIRECT, OPT_TARGET, NULL },
	{ "-B", JOIN_DIRECT, OPT_TARGET, NULL },
	{ "--param", JOIN_EQ, OPT_TARGET, NULL },
	{ "-target", JOIN_NONE, OPT_TARGET, NULL },
	{ "-o", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-MF", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-MT", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-MQ", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-A", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-L", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-l", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-T", JOIN_DIRECT, OPT_DROP, NULL },
	{ "-Tbss", JOIN_NONE, OPT_DROP, NULL },
	{ "-Tdata", JOIN_NONE, OPT_DROP, NULL },
	{ "-Ttext", JOIN_NONE, OPT_DROP, NULL },
	{ "-e", JOIN_NONE, OPT_DROP, NULL },
	{ "-u", JOIN_NONE, OPT_DROP, NULL },
	{ "-z", JOIN_NONE, OPT_DROP, NULL },
	{ "-aux-info", JOIN_NONE, OPT_DROP, NULL },
	{ "-Xlinker", JOIN_NONE, OPT_DROP, NULL },
	{ "-Xassembler", JOIN_NONE, OPT_DROP, NULL },
	{ "-Xpreprocessor", JOIN_NONE, OPT_DROP, NULL },
	{ "-Xclang", JOIN_NONE, OPT_DROP, NULL },
	{ "-wrapper", JOIN_NONE, OPT_DROP, NULL },
	{ "-dumpbase", JOIN_NONE, OPT_DROP, NULL },
	{ "-dumpbase-ext", JOIN_NONE, OPT_DROP, NULL },
	{ "-dumpdir", JOIN_NONE, OPT_DROP, NULL },
	{ "--define-macro", JOIN_EQ, OPT_DEFINE, "-D" },
	{ "--undefine-macro", JOIN_EQ, OPT_UNDEF, "-U" },
	{ "--include-directory", JOIN_EQ, OPT_INCDIR, "-I" },
	{ "--include-directory-after", JOIN_EQ, OPT_INCDIR, "-idirafter" },
	{ "--include-prefix", JOIN_EQ, OPT_INCDIR, "-iprefix" },
	{ "--include-with-prefix", JOIN_EQ, OPT_INCDIR, "-iwithprefix" },
	{ "--include-with-prefix-after", JOIN_EQ, OPT_INCDIR, "-iwithprefix" },
	{ "--include-with-prefix-before", JOIN_EQ, OPT_INCDIR, "-iwithprefixbefore" },
	{ "--include", JOIN_EQ, OPT_INCLUDE, "-include" },
	{ "--imacros", JOIN_EQ, OPT_IMACROS, "-imacros" },
	{ "--language", JOIN_EQ, OPT_LANG, "-x" },
	{ "--output", JOIN_EQ, OPT_DROP, "-o" },
	{ "--prefix", JOIN_EQ, OPT_TARGET, NULL },
	{ "--assert", JOIN_EQ, OPT_DROP, NULL },
	{ "--for-linker", JOIN_EQ, OPT_DROP, NULL },
	{ "--force-link", JOIN_EQ, OPT_DROP, NULL },
	{ "--library-directory", JOIN_EQ, OPT_DROP, NULL },
	{ "--entry", JOIN_EQ, OPT_DROP, NULL },
};

/* Flags without argument that must not reach GCC's probes (prefixes). */
static const char *const probe_dropped_prefixes[] = {
	"-W", "-M", "-fdump", "-fplugin", "-save-temps", "-fcallgraph-info",
	"-d", "-print-", "--help", "--version", "-fpreprocessed", "-fsyntax-only",
	NULL
};

/* ... and exact flags. */
static const char *const probe_dropped_flags[] = {
	"-c", "-S", "-E", "-v", "-H", "-###", "-P", "-C", "-CC", "-pipe", NULL
};

/* The flags, without argument, that clang sees (DESIGN.md 1.4). */
static const char *const parse_flags_exact[] = {
	"-ansi", "-funsigned-char", "-fsigned-char", "-fno-signed-char",
	"-fno-unsigned-char", "-fshort-wchar", "-fno-short-wchar",
	"-fshort-enums", "-fno-short-enums", "-funsigned-bitfields",
	"-fno-builtin", "-ffreestanding", "-fms-extensions", "-fgnu89-inline",
	"-fno-gnu89-inline", "-fno-common", "-fcommon", "-m16", "-m32", "-m64",
	"-mx32", "-nostdinc", "-fPIC", "-fpic", "-fPIE", "-fpie", "-fno-pic",
	"-fno-PIC", "-fno-pie", "-fno-PIE", "-fdollars-in-identifiers",
	"-fno-dollars-in-identifiers", "-trigraphs", NULL
};

static const char *const parse_flags_prefixes[] = {
	"-std=", "-fno-builtin-", "-O", NULL
};

/* GCC -std= values that clang 14-16 spell differently. */
static const char *const std_renames[][2] = {
	{ "-std=c23", "-std=c2x" },
	{ "-std=gnu23", "-std=gnu2x" },
	{ "-std=iso9899:2024", "-std=c2x" },
};

/* Programs that run the real compiler given as their first argument. */
static const char *const compiler_wrappers[] = {
	"ccache", "distcc", "sccache", "icecc", NULL
};

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

static bool has_prefix_in(const char *s, const char *const *prefixes)
{
	for (; *prefixes; prefixes++)
		if (starts_with(s, *prefixes))
			return true;
	return false;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* ---- @file response files ---- */

struct expand_state {
	struct strlist *out;
	unsigned files;		/* response files read so far */
};

static int expand_arg(struct expand_state *st, const char *arg);

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Split a response file like libiberty's buildargv(): words separated by
 * white space, '...' and "..." quote, a backslash escapes any character.
 */
static void split_response(const char *s, struct strlist *out)
{
	struct strbuf arg = {0};
	bool sq, dq, bs;

	for (;;) {
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		sq = dq = bs = false;
		for (; *s; s++) {
			if (is_space(*s) && !sq && !dq && !bs)
				break;
			if (bs) {
				bs = false;
				sb_addc(&arg, *s);
			} else if (*s == '\\') {
				bs = true;
			} else if (sq) {
				if (*s == '\'')
					sq = false;
				else
					sb_addc(&arg, *s);
			} else if (dq) {
				if (*s == '"')
					dq = false;
				else
					sb_addc(&arg, *s);
			} else if (*s == '\'') {
				sq = true;
			} else if (*s == '"') {
				dq = true;
			} else {
				sb_addc(&arg, *s);
			}
		}
		strlist_push_owned(out, sb_detach(&arg));
	}
}

static int expand_response_file(struct expand_state *st, const char *path)
{
	struct strlist words = {0};
	size_t len, i;
	char *text;
	int ret = 0;

	if (++st->files > MAX_RESPONSE_FILES) {
		diag_error("@%s: too many nested response files", path);
		return -1;
	}
	text = read_file(path, &len);
	if (!text) {
		diag_error("cannot read response file '%s': %s", path, file_strerror(errno));
		return -1;
	}
	if (memchr(text, '\0', len)) {
		diag_error("response file '%s' contains a NUL byte", path);
		free(text);
		return -1;
	}
	split_response(text, &words);
	free(text);
	for (i = 0; i < words.n && !ret; i++)
		ret = expand_arg(st, words.v[i]);
	strlist_release(&words);
	return ret;
}

static int expand_arg(struct expand_state *st, const char *arg)
{
	if (arg[0] == '@' && arg[1])
		return expand_response_file(st, arg + 1);
	strlist_push(st->out, arg);
	return 0;
}

static int expand_args(int argc, char **argv, struct strlist *out)
{
	struct expand_state st = { out, 0 };

	for (int i = 0; i < argc; i++)
		if (expand_arg(&st, argv[i]) < 0)
			return -1;
	return 0;
}

/* ---- the compiler program ---- */

static bool is_executable_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

/* NAME as found in $PATH (or as given when it has a '/'); NULL if not found. */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");
	const char *p, *end;

	if (!*name)
		return NULL;
	if (strchr(name, '/'))
		return is_executable_file(name) ? xstrdup(name) : NULL;
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; p = end + 1) {
		size_t n;
		char *cand;

		end = strchrnul(p, ':');
		n = (size_t)(end - p);
		cand = n ? xasprintf("%.*s/%s", (int)n, p, name) : xasprintf("./%s", name);
		if (is_executable_file(cand))
			return cand;
		free(cand);
		if (!*end)
			return NULL;
	}
}

static bool is_c_source_name(const char *s)
{
	return ends_with(s, ".c") || ends_with(s, ".h") || ends_with(s, ".i");
}

static bool looks_like_compiler(const char *arg)
{
	const char *base = base_name(arg);
	char *found;

	if (arg[0] == '-' || !arg[0] || is_c_source_name(arg))
		return false;
	if (strstr(base, "gcc") || !strcmp(base, "cc") || ends_with(base, "-cc") ||
	    starts_with(base, "clang"))
		return true;
	found = find_program(arg);
	free(found);
	return found != NULL;
}

/* Index of the first compiler flag in args; *cc gets the compiler named there. */
static size_t skip_compiler(const struct strlist *args, const char **cc)
{
	size_t i = 0;

	*cc = NULL;
	while (i < args->n && in_list(base_name(args->v[i]), compiler_wrappers))
		i++;
	if (i < args->n && looks_like_compiler(args->v[i])) {
		*cc = args->v[i];
		return i + 1;
	}
	return i;
}

/* "x86_64-gcc-12.2.0": the version part, or NULL when not of that form. */
static const char *compiler_opt_version(const char *opt)
{
	const char *p = NULL, *q;

	for (q = strstr(opt, "-gcc-"); q; q = strstr(q + 1, "-gcc-"))
		p = q;
	if (!p || p == opt || p[5] < '0' || p[5] > '9')
		return NULL;
	return p + 5;
}

/*
 * For -c ARCH-gcc-VERSION, the first installed of ARCH-linux-gnu-gcc-MAJOR,
 * ARCH-linux-gnu-gcc (Debian's names of cross compilers and, for the host's
 * ARCH, of the native one), gcc-MAJOR, gcc.
 */
static char *find_versioned(const char *opt, const char *version)
{
	int arch_len = (int)(version - 5 - opt), major = (int)strspn(version, "0123456789");
	char *names[4], *found = NULL;

	names[0] = xasprintf("%.*s-linux-gnu-gcc-%.*s", arch_len, opt, major, version);
	names[1] = xasprintf("%.*s-linux-gnu-gcc", arch_len, opt);
	names[2] = xasprintf("gcc-%.*s", major, version);
	names[3] = xstrdup("gcc");
	for (int i = 0; i < 4; i++) {
		if (!found)
			found = find_program(names[i]);
		free(names[i]);
	}
	return found;
}

static int compiler_from_opt(struct gcc_cmdline *cl, const char *opt)
{
	const char *version = compiler_opt_version(opt);
	char *found;

	if (!version) {
		found = find_program(opt);
		if (!found) {
			diag_error("invalid compiler '%s': expected ARCH-gcc-VERSION, e.g. x86_64-gcc-12.2.0",
				   opt);
			return -1;
		}
		cl->compiler = found;
		return 0;
	}
	cl->compiler_version = xstrdup(version);
	cl->compiler_arch = xstrndup(opt, (size_t)(version - 5 - opt));
	found = find_versioned(opt, version);
	cl->compiler = found ? found : xstrdup("gcc");
	return 0;
}

static int choose_compiler(struct gcc_cmdline *cl, const char *cmdline_cc, const char *opt)
{
	char *found;

	if (opt)
		return compiler_from_opt(cl, opt);
	if (!cmdline_cc)
		cmdline_cc = "gcc";
	found = find_program(cmdline_cc);
	cl->compiler = found ? found : xstrdup(cmdline_cc);
	return 0;
}

/* ---- options ---- */

/* The longest option in valued_opts that ARG spells; *value gets a joined argument. */
static const struct opt_spec *find_valued_opt(const char *arg, const char **value)
{
	const struct opt_spec *best = NULL;
	size_t best_len = 0;

	*value = NULL;
	for (size_t i = 0; i < sizeof(valued_opts) / sizeof(valued_opts[0]); i++) {
		const struct opt_spec *o = &valued_opts[i];
		size_t n = strlen(o->name);
		const char *v = NULL;

		if (strncmp(arg, o->name, n) || n <= best_len)
			continue;
		if (arg[n] == '\0')
			v = NULL;
		else if (o->join == JOIN_DIRECT)
			v = arg + n;
		else if (o->join == JOIN_EQ && arg[n] == '=')
			v = arg + n + 1;
		else
			continue;
		best = o;
		best_len = n;
		*value = v;
	}
	return best;
}

struct scan_state {
	const char *lang;	/* current -x, NULL for "none" */
	const char *input_lang;	/* -x in effect for the input */
};

/* -D NAME, -D NAME=VALUE, -D NAME(ARGS)=VALUE; -U NAME. */
static bool is_macro_spec(char kind, const char *value)
{
	size_t n = 0;

	if (!is_ident_start((unsigned char)value[0]))
		return false;
	while (is_ident_char((unsigned char)value[n]))
		n++;
	if (kind == 'U')
		return !value[n];
	return !value[n] || value[n] == '=' || value[n] == '(';
}

static int add_define(struct gcc_cmdline *cl, char kind, const char *value)
{
	if (!is_macro_spec(kind, value)) {
		diag_error("invalid macro in compiler option '-%c%s'", kind, value);
		return -1;
	}
	strlist_push_owned(&cl->defines, xasprintf("-%c%s", kind, value));
	return 0;
}

static void add_parse_pair(struct gcc_cmdline *cl, const char *opt, const char *value)
{
	strlist_push(&cl->parse_flags, opt);
	strlist_push(&cl->parse_flags, value);
}

static int handle_valued(struct gcc_cmdline *cl, struct scan_state *st,
			 const struct opt_spec *o, const char *value)
{
	const char *name = o->canon ? o->canon : o->name;

	switch (o->kind) {
	case OPT_DEFINE:
		return add_define(cl, 'D', value);
	case OPT_UNDEF:
		return add_define(cl, 'U', value);
	case OPT_INCDIR:
	case OPT_IMACROS:
		add_parse_pair(cl, name, value);
		break;
	case OPT_INCLUDE:
		strlist_push(&cl->pre_includes, value);
		add_parse_pair(cl, name, value);
		break;
	case OPT_LANG:
		st->lang = strcmp(value, "none") ? value : NULL;
		break;
	case OPT_SYSROOT:
		strlist_push_owned(&cl->parse_flags, xasprintf("--sysroot=%s", value));
		strlist_push_owned(&cl->target_flags, xasprintf("--sysroot=%s", value));
		break;
	case OPT_TARGET:
		if (o->join == JOIN_EQ) {
			strlist_push_owned(&cl->target_flags, xasprintf("%s=%s", name, value));
		} else {
			strlist_push(&cl->target_flags, name);
			strlist_push(&cl->target_flags, value);
		}
		break;
	case OPT_DROP:
		break;
	}
	return 0;
}

/* -Wp,-DX,-UY and -Xpreprocessor -DX still define macros. */
static int handle_preprocessor_arg(struct gcc_cmdline *cl, const char *arg)
{
	if (arg[0] == '-' && (arg[1] == 'D' || arg[1] == 'U') && arg[2])
		return add_define(cl, arg[1], arg + 2);
	return 0;
}

static int handle_wp(struct gcc_cmdline *cl, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;
	int ret = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok && !ret; tok = strtok_r(NULL, ",", &save))
		ret = handle_preprocessor_arg(cl, tok);
	free(copy);
	return ret;
}

static bool is_parse_flag(const char *a)
{
	return in_list(a, parse_flags_exact) || has_prefix_in(a, parse_flags_prefixes);
}

static const char *clang_spelling(const char *a)
{
	for (size_t i = 0; i < sizeof(std_renames) / sizeof(std_renames[0]); i++)
		if (!strcmp(a, std_renames[i][0]))
			return std_renames[i][1];
	return a;
}

static int record_flag(struct gcc_cmdline *cl, const char *a)
{
	if (!strcmp(a, "-nostdinc"))
		cl->nostdinc = true;
	else if (!strcmp(a, "-flto") || starts_with(a, "-flto="))
		cl->uses_lto = true;
	else if (!strcmp(a, "-fno-lto"))
		cl->uses_lto = false;
	else if (starts_with(a, "-flive-patching=") || !strcmp(a, "-flive-patching")) {
		free(cl->live_patching);
		cl->live_patching = xstrdup(a[15] ? a + 16 : "inline-clone");
	} else if (starts_with(a, "-Wp,")) {
		return handle_wp(cl, a + 4);
	}
	return 0;
}

static int handle_flag(struct gcc_cmdline *cl, const char *a)
{
	if (record_flag(cl, a) < 0)
		return -1;
	if (!in_list(a, probe_dropped_flags) && !has_prefix_in(a, probe_dropped_prefixes))
		strlist_push(&cl->target_flags, a);
	if (is_parse_flag(a))
		strlist_push(&cl->parse_flags, clang_spelling(a));
	return 0;
}

static int handle_input(struct gcc_cmdline *cl, struct scan_state *st, const char *a)
{
	if (cl->input) {
		diag_error("more than one input file in the compiler command line: '%s' and '%s'",
			   cl->input, a);
		return -1;
	}
	if (!strcmp(a, "-")) {
		diag_error("reading the input from standard input ('-') is not supported");
		return -1;
	}
	cl->input = xstrdup(a);
	st->input_lang = st->lang;
	return 0;
}

/* The argument of option ARGS[*i] (joined or the next one). */
static const char *option_value(const struct strlist *args, size_t *i,
				const char *joined, const struct opt_spec *o)
{
	if (joined)
		return joined;
	if (*i + 1 >= args->n) {
		diag_error("missing argument to '%s' in the compiler command line", o->name);
		return NULL;
	}
	return args->v[++*i];
}

static int scan_one(struct gcc_cmdline *cl, struct scan_state *st, size_t *i)
{
	const char *a = cl->args.v[*i], *joined, *value;
	const struct opt_spec *o;

	if (a[0] != '-' || !a[1])
		return handle_input(cl, st, a);
	o = find_valued_opt(a, &joined);
	if (!o)
		return handle_flag(cl, a);
	value = option_value(&cl->args, i, joined, o);
	if (!value)
		return -1;
	if (!strcmp(o->name, "-Xpreprocessor") && handle_preprocessor_arg(cl, value) < 0)
		return -1;
	return handle_valued(cl, st, o, value);
}

static bool is_c_language(const char *lang)
{
	return !strcmp(lang, "c") || !strcmp(lang, "c-header") || !strcmp(lang, "cpp-output");
}

static int check_input(const struct gcc_cmdline *cl, const struct scan_state *st)
{
	struct stat sb;

	if (!cl->input) {
		diag_error("no input file in the compiler command line");
		return -1;
	}
	if (st->input_lang ? !is_c_language(st->input_lang) : !is_c_source_name(cl->input)) {
		diag_error("%s: not a C source file", cl->input);
		return -1;
	}
	if (stat(cl->input, &sb)) {
		diag_error("%s: %s", cl->input, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_error("%s: %s", cl->input, strerror(EISDIR));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {	/* a FIFO or a device: the parse would never end */
		diag_error("%s: %s", cl->input, file_strerror(ERR_NOT_REGULAR));
		return -1;
	}
	return 0;
}

static int scan_args(struct gcc_cmdline *cl)
{
	struct scan_state st = { NULL, NULL };

	for (size_t i = 0; i < cl->args.n; i++)
		if (scan_one(cl, &st, &i) < 0)
			return -1;
	return check_input(cl, &st);
}

int gcc_cmdline_parse(int argc, char **argv, const char *compiler_opt, struct gcc_cmdline *cl)
{
	struct strlist all = {0};
	const char *cc;
	size_t first;
	int ret = -1;

	memset(cl, 0, sizeof(*cl));
	if (expand_args(argc, argv, &all) < 0)
		goto out;
	first = skip_compiler(&all, &cc);
	for (size_t i = first; i < all.n; i++)
		strlist_push(&cl->args, all.v[i]);
	if (scan_args(cl) < 0 || choose_compiler(cl, cc, compiler_opt) < 0)
		goto out;
	ret = 0;
out:
	strlist_release(&all);
	if (ret)
		gcc_cmdline_release(cl);
	return ret;
}

void gcc_cmdline_release(struct gcc_cmdline *cl)
{
	free(cl->compiler);
	free(cl->input);
	strlist_release(&cl->args);
	strlist_release(&cl->pre_includes);
	strlist_release(&cl->defines);
	free(cl->live_patching);
	free(cl->compiler_version);
	free(cl->compiler_arch);
	strlist_release(&cl->target_flags);
	strlist_release(&cl->parse_flags);
	free(cl->prelude);
	strlist_release(&cl->clang_args);
	free(cl->gcc_version);
	free(cl->gcc_target);
	free(cl->gcc_macros);
	strlist_release(&cl->sys_includes);
	strlist_release(&cl->probes);
	strlist_release(&cl->probe_values);
	memset(cl, 0, sizeof(*cl));
}
