/*
 * Command line of klp-ccp itself: everything before "--" (see
 * spec/policy-hooks.md). Every usage error is one line on stderr:
 * "klp-ccp: error: <what> (see klp-ccp --help)".
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/options.h"
#include "klp-ccp/util.h"

#ifndef KLP_CCP_VERSION
#define KLP_CCP_VERSION "unknown"
#endif

#define DEFAULT_HOOK_TIMEOUT 30.0

static const char *const hook_names[HOOK_COUNT] = {
	[HOOK_IS_PATCHED] = "is-patched",
	[HOOK_MAY_INCLUDE_HEADER] = "may-include-header",
	[HOOK_CAN_EXTERNALIZE_FUN] = "can-externalize-fun",
	[HOOK_SHALL_EXTERNALIZE_FUN] = "shall-externalize-fun",
	[HOOK_SHALL_EXTERNALIZE_OBJ] = "shall-externalize-obj",
	[HOOK_MODIFY_EXTERNALIZED_SYM] = "modify-externalized-sym",
	[HOOK_MODIFY_PATCHED_FUN_SYM] = "modify-patched-fun-sym",
	[HOOK_RENAME_REWRITTEN_FUN] = "rename-rewritten-fun",
};

/* Short option letter of each hook, in enum hook_id order. */
static const char hook_letters[HOOK_COUNT + 1] = "IHFSOEPR";

char hook_letter(enum hook_id id)
{
	return (unsigned)id < HOOK_COUNT ? hook_letters[id] : '?';
}

const char *hook_name(enum hook_id id)
{
	if ((unsigned)id >= HOOK_COUNT)
		return "unknown-hook";
	return hook_names[id];
}

enum {
	OPT_PATCHED = 256,
	OPT_TIMEOUT,
	OPT_VERSION,
	OPT_TARGET_OBJECT,
	OPT_SYMVERS,
	OPT_IPA_CLONES,
	OPT_NO_IPA_EXTEND,
	OPT_REPORT,
	OPT_PATCH,
	OPT_POL_SERVER,
	OPT_CMDLINE_JSON,
	OPT_KBUILD_OBJECT,
	OPT_PATCH_ORIGIN,
};

static const struct option long_options[] = {
	{ "outfile", required_argument, NULL, 'o' },
	{ "patched-functions", required_argument, NULL, OPT_PATCHED },
	{ "compiler", required_argument, NULL, 'c' },
	{ "pol-cmd-is-patched", required_argument, NULL, 'I' },
	{ "pol-cmd-may-include-header", required_argument, NULL, 'H' },
	{ "pol-cmd-can-externalize-fun", required_argument, NULL, 'F' },
	{ "pol-cmd-shall-externalize-fun", required_argument, NULL, 'S' },
	{ "pol-cmd-shall-externalize-obj", required_argument, NULL, 'O' },
	{ "pol-cmd-modify-externalized-sym", required_argument, NULL, 'E' },
	{ "pol-cmd-modify-patched-fun-sym", required_argument, NULL, 'P' },
	{ "pol-cmd-rename-rewritten-fun", required_argument, NULL, 'R' },
	{ "pol-cmd-timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "pol-server", required_argument, NULL, OPT_POL_SERVER },
	{ "cmdline-json", required_argument, NULL, OPT_CMDLINE_JSON },
	{ "kbuild-object", required_argument, NULL, OPT_KBUILD_OBJECT },
	{ "target-object", required_argument, NULL, OPT_TARGET_OBJECT },
	{ "symvers", required_argument, NULL, OPT_SYMVERS },
	{ "ipa-clones", required_argument, NULL, OPT_IPA_CLONES },
	{ "no-ipa-extend", no_argument, NULL, OPT_NO_IPA_EXTEND },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "patch", required_argument, NULL, OPT_PATCH },
	{ "patch-origin", required_argument, NULL, OPT_PATCH_ORIGIN },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/* "+": stop at the first non-option; ":": report missing arguments as ':'. */
static const char short_options[] = "+:o:c:I:H:F:S:O:E:P:R:h";

static const char help_text[] =
"Usage: klp-ccp [OPTION]... -- COMPILER-COMMAND-LINE...\n"
"\n"
"Extract the functions to be livepatched, and everything they need, from one\n"
"C translation unit into a self-contained livepatch source file. The original\n"
"compiler command line of that translation unit follows \"--\", with or\n"
"without the compiler program name, e.g.\n"
"  klp-ccp -o lp.c --patched-functions=foo -- gcc -O2 -Iinclude -c foo.c\n"
"\n"
"Options:\n"
"  -o, --outfile=FILE         write the livepatch source to FILE (required)\n"
"      --patched-functions=LIST\n"
"                             comma separated names of the functions to patch;\n"
"                             may be given several times (required unless -I\n"
"                             is given)\n"
"  -c, --compiler=ARCH-COMPILER-VERSION\n"
"                             target and compiler the object was built with,\n"
"                             e.g. x86_64-gcc-12.2.0, powerpc64le-gcc-12.2.0:\n"
"                             runs the first installed of ARCH-linux-gnu-gcc-\n"
"                             MAJOR, ARCH-linux-gnu-gcc, gcc-MAJOR, gcc\n"
"                             (default: the compiler named by the original\n"
"                             command line, or gcc)\n"
"  -I, --pol-cmd-is-patched=CMD             is this function patched?\n"
"  -H, --pol-cmd-may-include-header=CMD     may the livepatch #include this\n"
"                                           header?\n"
"  -F, --pol-cmd-can-externalize-fun=CMD    can references to this function be\n"
"                                           bound to the running instance?\n"
"  -S, --pol-cmd-shall-externalize-fun=CMD  externalize (YES) or copy (NO) an\n"
"                                           externalizable function?\n"
"  -O, --pol-cmd-shall-externalize-obj=CMD  externalize this static storage\n"
"                                           object?\n"
"  -E, --pol-cmd-modify-externalized-sym=CMD\n"
"                                           name/declare an externalized symbol\n"
"  -P, --pol-cmd-modify-patched-fun-sym=CMD\n"
"                                           name and linkage of a patched\n"
"                                           function\n"
"  -R, --pol-cmd-rename-rewritten-fun=CMD   name a rewritten copied function\n"
"      --pol-cmd-timeout=SECONDS  time limit of one hook run (default 30)\n"
"      --cmdline-json=FILE    the original command line from FILE, a JSON array\n"
"                             of strings, instead of after '--'\n"
"      --kbuild-object=DIR/NAME.o\n"
"                             the original command line kbuild recorded in\n"
"                             DIR/.NAME.o.cmd (without the objtool/recordmcount\n"
"                             commands after ';'), instead of after '--'; run\n"
"                             in the kernel tree kbuild ran in\n"
"      --pol-server=CMD       a policy server answering the questions its HOOKS:\n"
"                             line names over pipes (README \"Policy server\");\n"
"                             -I/-H/... commands still answer their own hook\n"
"      --target-object=FILE   the object the livepatch applies to (a kernel .o,\n"
"                             a module .ko, vmlinux, or a user-space ELF with\n"
"                             debug info); repeatable. Its symbol table and\n"
"                             DWARF facts are passed to the policy hooks\n"
"      --symvers=FILE         Module.symvers: symbols exported to modules\n"
"      --ipa-clones=FILE|DIR  GCC -fdump-ipa-clones dump(s) of the translation\n"
"                             unit; the patched set is extended with every\n"
"                             function containing a patched function's code\n"
"      --no-ipa-extend        with --ipa-clones: only warn about such functions\n"
"      --report=FILE.yaml     also write a YAML report of the livepatch\n"
"      --patch=FILE           derive the patched functions from a source patch:\n"
"                             it is applied to scratch copies (never to your\n"
"                             tree), the original and patched unit are compiled\n"
"                             and compared function by function, GCC's clone and\n"
"                             inline decisions extend the list, and lp.c is\n"
"                             extracted from the patched source\n"
"      --patch-origin=K=N[,K=N...]:PATCH\n"
"                             the --patch file was cut out of PATCH (klp-ccp\n"
"                             build gives each unit its part): diagnostics\n"
"                             about the patch name PATCH, line K of the --patch\n"
"                             file and those after it being lines N... of PATCH\n"
"                             (K ascending from 1)\n"
"  -h, --help                 print this help and exit\n"
"      --version              print the version and exit\n"
"\n"
"Policy hooks:\n"
"  Every livepatch policy decision is asked of a hook command CMD, run as\n"
"    /bin/sh -c 'CMD \"$@\"' klp-ccp ARG...\n"
"  in klp-ccp's working directory with standard input /dev/null. CMD may\n"
"  carry its own arguments; the ARGs klp-ccp adds are separate argv entries,\n"
"  never interpreted by the shell. A hook prints on standard output exactly\n"
"  one line \"RESULT: ANSWER\", and any number of lines \"WARNING: TEXT\" and\n"
"  \"ERROR: TEXT\", which are reported with the location of the entity in\n"
"  question (an ERROR line makes the run fail). Anything else on standard\n"
"  output, anything on standard error, a missing or duplicate RESULT line,\n"
"  an answer outside the allowed set, a non-zero exit status, death by a\n"
"  signal or running past the time limit is a failure of the hook: klp-ccp\n"
"  stops with an error naming the hook and its arguments. Answers are\n"
"  cached per hook and arguments within one run.\n"
"\n"
"  Hook arguments and answers, and the built-in default used without CMD:\n"
"  is-patched NAME                           YES|NO\n"
"      default: YES when NAME is in --patched-functions (with -I, a name in\n"
"      --patched-functions is patched without asking the hook)\n"
"  may-include-header HEADER [pre-include]   YES|NO\n"
"      default: YES\n"
"  can-externalize-fun NAME [internal|external FILE:LINE]   YES|NO\n"
"      default: YES\n"
"  shall-externalize-fun NAME [from-header]  YES|NO\n"
"      default: YES, NO when from-header is passed or for a static inline\n"
"      of a header not included (address not taken)\n"
"  shall-externalize-obj NAME                YES|NO\n"
"      default: YES\n"
"  modify-externalized-sym function|object NAME RETRY\n"
"      answer: NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL [MAKE-POINTER]\n"
"      default: NAME MAKE-EXTERNAL (plain externalization: a klp relocation)\n"
"  modify-patched-fun-sym NAME RETRY\n"
"      answer: NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL\n"
"      default: klpp_NAME MAKE-EXTERNAL (RETRY > 0 appended: klpp_NAME1...)\n"
"  rename-rewritten-fun NAME RETRY\n"
"      answer: NEW-NAME\n"
"      default: klpr_NAME (RETRY > 0 appended: klpr_NAME1...)\n"
"  NEW-NAME must be a C identifier. RETRY starts at 0; a hook is asked again\n"
"  with RETRY+1 while a NEW-NAME different from NAME clashes with a name in\n"
"  use.\n"
"\n"
"Environment of hooks (in addition to klp-ccp's own):\n"
"  KLP_CCP_SOURCE  the input file as given on the compiler command line\n"
"  KLP_CCP_CWD     klp-ccp's working directory\n"
"  KLP_CCP_HOOK    the name of the hook asked (e.g. is-patched)\n"
"  Binary facts about the entity in question (KLP_CCP_SYM_* and others, see\n"
"  the README) are passed when they are available.\n"
"\n"
"Ready policies: policies/kernel/ (a kernel default) and policies/toy/ (a\n"
"naming policy for tests).\n"
"\n"
"Subcommands (each has its own --help):\n"
"  klp-ccp build --tree=KERNEL_TREE --patch=FIX.patch -o OUTDIR [OPTION]...\n"
"      from a fix to a livepatch module in one command: split per unit,\n"
"      extract in parallel, glue, make with klp relocations, summary\n"
"  klp-ccp facts --target-object=FILE [--symvers=F] NAME...\n"
"      binary facts (symbols, clones, inlining, sympos) as YAML\n"
"  klp-ccp ipa-clones [--format=yaml|text] --symbol=NAME FILE|DIR...\n"
"      GCC clone/inline decisions and the functions affected by a change\n"
"  klp-ccp changed-functions [--format=yaml|text] ORIG.o PATCHED.o\n"
"      functions whose machine code differs between two builds\n"
"  klp-ccp glue -o DIR [--name=NAME] [--kdir=KDIR] REPORT.yaml...\n"
"      the sources of a livepatch module from the --report files of the units\n"
"  klp-ccp klp-relocs --symbols=FILE [--symvers=F] [-o OUT] MODULE.ko\n"
"      turn the built module's relocations to externalized symbols into klp\n"
"      relocations\n"
"  klp-ccp verify --target-object=FILE [--report=R.yaml] [LP.c] [-- COMMAND]\n"
"      compile lp.c with the original command line and compare each patched\n"
"      function with the target's: identical, or why it differs\n"
"One klp-ccp process extracts from one translation unit: run batches with\n"
"make -j or xargs -P (see the README).\n"
"\n"
"Exit status: 0 on success (also for --help and --version), 1 on any error;\n"
"on error no output file is written.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	va_end(ap);
	diag_error("%s (see klp-ccp --help)", what ? what : "invalid command line");
	free(what);
	return -1;
}

static bool is_c_identifier(const char *s, size_t n)
{
	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

static bool patched_contains(const struct options *opts, const char *s, size_t n)
{
	for (size_t i = 0; i < opts->n_patched; i++)
		if (strlen(opts->patched[i]) == n && !memcmp(opts->patched[i], s, n))
			return true;
	return false;
}

static void patched_push(struct options *opts, const char *s, size_t n)
{
	/* struct options keeps no capacity: grow by one (lists are short). */
	opts->patched = xrealloc(opts->patched, (opts->n_patched + 1) * sizeof(char *));
	opts->patched[opts->n_patched++] = xstrndup(s, n);
}

static int add_patched(struct options *opts, const char *list)
{
	const char *p = list;

	for (;;) {
		size_t n = strcspn(p, ",");

		if (!n)
			return usage_error("empty function name in --patched-functions='%s'",
					   list);
		if (!is_c_identifier(p, n))
			return usage_error("invalid function name '%.*s' in --patched-functions",
					   (int)n, p);
		if (patched_contains(opts, p, n))
			return usage_error("function '%.*s' named twice in --patched-functions",
					   (int)n, p);
		patched_push(opts, p, n);
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

static bool is_name_part(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.'))
			return false;
	return true;
}

static bool is_version(const char *s)
{
	bool digit_seen = false;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			digit_seen = true;
		} else if (*s == '.' && digit_seen && s[1]) {
			digit_seen = false;
		} else {
			return false;
		}
	}
	return digit_seen;
}

/* ARCH-COMPILER-VERSION, e.g. x86_64-gcc-12.2.0. */
static int set_compiler(struct options *opts, const char *arg)
{
	const char *d1 = strchr(arg, '-');
	const char *d2 = d1 ? strchr(d1 + 1, '-') : NULL;

	if (!d2 || strchr(d2 + 1, '-') || !is_name_part(arg, (size_t)(d1 - arg)) ||
	    !is_name_part(d1 + 1, (size_t)(d2 - d1 - 1)) || !is_version(d2 + 1))
		return usage_error("invalid compiler '%s' for --compiler: expected "
				   "ARCH-COMPILER-VERSION such as x86_64-gcc-12.2.0", arg);
	opts->compiler = arg;
	return 0;
}

static int set_timeout(struct options *opts, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end || errno || !isfinite(v) || v <= 0)
		return usage_error("invalid --pol-cmd-timeout '%s': expected a positive "
				   "number of seconds", arg);
	opts->hook_timeout = v;
	return 0;
}

static int set_hook(struct options *opts, int letter, const char *arg)
{
	const char *p = letter ? strchr(hook_letters, letter) : NULL;
	enum hook_id id;

	if (!p)
		return usage_error("internal error: unhandled option %d", letter);
	id = (enum hook_id)(p - hook_letters);
	if (!*arg)
		return usage_error("empty command for --pol-cmd-%s", hook_name(id));
	opts->hook_cmd[id] = arg;
	return 0;
}

static int set_outfile(struct options *opts, const char *arg)
{
	if (!*arg)
		return usage_error("empty output file name for --outfile");
	opts->outfile = arg;
	return 0;
}

/* The long option name starts with, when only one does. */
static const char *unique_long_option(const char *prefix, size_t len)
{
	const struct option *found = NULL;

	for (const struct option *o = long_options; o->name; o++) {
		if (strncmp(o->name, prefix, len))
			continue;
		if (!o->name[len])
			return o->name;
		if (found)
			return NULL;
		found = o;
	}
	return found ? found->name : NULL;
}

static bool is_long_option_prefix(const char *prefix)
{
	for (const struct option *o = long_options; o->name; o++)
		if (!strncmp(o->name, prefix, strlen(prefix)))
			return true;
	return false;
}

static bool long_option_takes_no_arg(const char *name)
{
	for (const struct option *o = long_options; o->name; o++)
		if (!strcmp(o->name, name))
			return o->has_arg == no_argument;
	return false;
}

/* Name of the option in arg just rejected by getopt_long, for messages. */
static char *bad_option_name(const char *arg)
{
	size_t len;
	const char *full;

	if (!strncmp(arg, "--", 2) && arg[2]) {
		len = strcspn(arg + 2, "=");
		full = unique_long_option(arg + 2, len);
		if (full)
			return xasprintf("--%s", full);
		return xstrndup(arg, len + 2);
	}
	if (optopt > 0 && optopt < 256 && isgraph(optopt))
		return xasprintf("-%c", optopt);
	return xstrdup(arg);
}

static int bad_option(const char *arg, int c)
{
	char *name = bad_option_name(arg);
	const char *lname = name + 2;
	bool is_long = !strncmp(name, "--", 2);
	int ret;

	if (c == ':')
		ret = usage_error("option '%s' requires an argument", name);
	else if (is_long && strchr(arg, '=') && long_option_takes_no_arg(lname))
		ret = usage_error("option '%s' does not take an argument", name);
	else if (is_long && is_long_option_prefix(lname))
		ret = usage_error("ambiguous option '%s'", name);
	else
		ret = usage_error("unknown option '%s'", name);
	free(name);
	return ret;
}

/*
 * Returns 0 to go on, 1 when done (--help, --version), -1 on error.
 * arg: the argv element getopt_long was looking at.
 */
static int handle_option(int c, const char *arg, struct options *opts)
{
	switch (c) {
	case 'o':
		return set_outfile(opts, optarg);
	case 'c':
		return set_compiler(opts, optarg);
	case OPT_PATCHED:
		return add_patched(opts, optarg);
	case OPT_TIMEOUT:
		return set_timeout(opts, optarg);
	case OPT_POL_SERVER:
		if (!*optarg)
			return usage_error("empty --pol-server command");
		opts->pol_server = optarg;
		return 0;
	case OPT_CMDLINE_JSON:
		opts->cmdline_json = optarg;
		return 0;
	case OPT_KBUILD_OBJECT:
		opts->kbuild_object = optarg;
		return 0;
	case OPT_TARGET_OBJECT:
		strlist_push(&opts->target_objects, optarg);
		return 0;
	case OPT_SYMVERS:
		opts->symvers = optarg;
		return 0;
	case OPT_IPA_CLONES:
		strlist_push(&opts->ipa_clones, optarg);
		return 0;
	case OPT_NO_IPA_EXTEND:
		opts->no_ipa_extend = true;
		return 0;
	case OPT_REPORT:
		opts->report = optarg;
		return 0;
	case OPT_PATCH:
		opts->patch = optarg;
		return 0;
	case OPT_PATCH_ORIGIN:
		opts->patch_origin = optarg;
		return 0;
	case 'h':
		fputs(help_text, stdout);
		return 1;
	case OPT_VERSION:
		puts("klp-ccp " KLP_CCP_VERSION);
		return 1;
	case '?':
	case ':':
		return bad_option(arg, c);
	default:
		return set_hook(opts, c, optarg);
	}
}

static int find_separator(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--"))
			return i;
	return -1;
}

static int check_complete(const struct options *opts)
{
	if (!opts->outfile)
		return usage_error("no output file given (-o)");
	if (!!opts->orig_argc + !!opts->cmdline_json + !!opts->kbuild_object > 1)
		return usage_error("more than one of --cmdline-json, --kbuild-object and a command "
				   "line after '--' given");
	if (!opts->orig_argc && !opts->cmdline_json && !opts->kbuild_object)
		return usage_error("missing original compiler command line after '--'");
	if (opts->patch_origin && !opts->patch)
		return usage_error("--patch-origin without --patch");
	/* a --pol-server may answer is-patched: checked once it has said so */
	if (!opts->n_patched && !opts->hook_cmd[HOOK_IS_PATCHED] && !opts->patch &&
	    !opts->pol_server)
		return usage_error("no patched functions given (--patched-functions, -I or --patch)");
	return 0;
}

static int parse_options(int argc, char **argv, struct options *opts)
{
	int sep = find_separator(argc, argv);
	int end = sep < 0 ? argc : sep;
	int c, cur, ret;

	opterr = 0;
	optind = 0;	/* full reinitialization of getopt's state */
	for (;;) {
		cur = optind ? optind : 1;
		c = getopt_long(end, argv, short_options, long_options, NULL);
		if (c == -1)
			break;
		ret = handle_option(c, cur < end ? argv[cur] : "", opts);
		if (ret)
			return ret;
	}
	if (sep < 0 && !opts->cmdline_json && !opts->kbuild_object)
		return usage_error("missing '--' before the original compiler command line");
	if (optind < end)
		return usage_error("unexpected argument '%s' before '--'", argv[optind]);
	opts->orig_argv = argv + (sep < 0 ? argc : sep + 1);
	opts->orig_argc = sep < 0 ? 0 : argc - sep - 1;
	return check_complete(opts);
}

int cli_parse(int argc, char **argv, struct options *opts)
{
	int ret;

	memset(opts, 0, sizeof(*opts));
	opts->hook_timeout = DEFAULT_HOOK_TIMEOUT;
	if (argc < 1 || !argv)
		return usage_error("empty command line");
	ret = parse_options(argc, argv, opts);
	if (ret) {
		/* Nothing to release for the caller after a non-zero return. */
		options_release(opts);
		opts->hook_timeout = DEFAULT_HOOK_TIMEOUT;
	}
	return ret;
}

void options_release(struct options *opts)
{
	for (size_t i = 0; i < opts->n_patched; i++)
		free(opts->patched[i]);
	free(opts->patched);
	strlist_release(&opts->target_objects);
	strlist_release(&opts->ipa_clones);
	memset(opts, 0, sizeof(*opts));
}
