/*
 * Unit tests of src/cli.c and src/policy.c.
 * Usage: test_policy GROUP... (cli args answers failures cache env toy kernel
 * defaults) or "all". Hook scripts are written to a temporary directory.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/hook_spawn.h"
#include "klp-ccp/options.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/util.h"

#ifndef KLP_CCP_SOURCE_DIR
#error "KLP_CCP_SOURCE_DIR must name the source tree"
#endif

static char tmpdir[] = "/tmp/klp-ccp-test-policy-XXXXXX";
static FILE *out;	/* the real stderr, for test results */
static int failures, checks;

#define CHECK(cond, ...)							\
	do {									\
		checks++;							\
		if (!(cond)) {							\
			failures++;						\
			fprintf(out, "FAIL %s:%d: ", __FILE__, __LINE__);	\
			fprintf(out, __VA_ARGS__);				\
			fputc('\n', out);					\
		}								\
	} while (0)

#define CHECK_STR(got, want, what)						\
	CHECK((got) && !strcmp((got), (want)), "%s: got \"%s\", want \"%s\"",	\
	      (what), (got) ? (got) : "(null)", (want))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers ------------------------------------------------------------- */

static char *tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void write_file(const char *path, const char *text, bool exec)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f)) {
		fprintf(out, "cannot write %s\n", path);
		exit(2);
	}
	chmod(path, exec ? 0755 : 0644);
}

static void write_tmp(const char *name, const char *text, bool exec)
{
	char *p = tmp_path(name);

	write_file(p, text, exec);
	free(p);
}

static char *read_tmp(const char *name)
{
	char *p = tmp_path(name);
	char *s = read_file(p, NULL);

	free(p);
	return s ? s : xstrdup("");
}

static void remove_tmp(const char *name)
{
	char *p = tmp_path(name);

	unlink(p);
	free(p);
}

static bool tmp_exists(const char *name)
{
	char *p = tmp_path(name);
	bool r = access(p, F_OK) == 0;

	free(p);
	return r;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Capturing a standard stream (fd 1 or 2) into a file. */
struct capture {
	int fd, saved;
	char *path;
};

static void capture_start(struct capture *c, int fd)
{
	int f;

	fflush(NULL);
	c->fd = fd;
	c->path = tmp_path(fd == 1 ? "captured-stdout" : "captured-stderr");
	c->saved = dup(fd);
	f = open(c->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f < 0 || c->saved < 0) {
		fprintf(out, "cannot capture fd %d\n", fd);
		exit(2);
	}
	dup2(f, fd);
	close(f);
}

static char *capture_end(struct capture *c)
{
	char *s;

	fflush(NULL);
	dup2(c->saved, c->fd);
	close(c->saved);
	s = read_file(c->path, NULL);
	unlink(c->path);
	free(c->path);
	return s ? s : xstrdup("");
}

/* The recording hook: rec.sh LOG ANSWER ARG... */
static const char rec_script[] =
	"#!/bin/sh\n"
	"log=$1 answer=$2\n"
	"shift 2\n"
	"printf '%s\\n' \"$KLP_CCP_HOOK\" > \"$log\"\n"
	"for a; do printf '[%s]\\n' \"$a\" >> \"$log\"; done\n"
	"echo x >> \"$log.count\"\n"
	"printf 'RESULT: %s\\n' \"$answer\"\n";

static char *rec_cmd(const char *log, const char *answer)
{
	return xasprintf("%s/rec.sh %s/%s '%s'", tmpdir, tmpdir, log, answer);
}

static struct policy *policy_with(enum hook_id hook, const char *cmd, double timeout)
{
	struct options opts = {0};
	struct policy *pol;

	opts.hook_cmd[hook] = cmd;
	opts.hook_timeout = timeout;
	pol = policy_new(&opts, "src/a.c", "/the/cwd");
	return pol;
}

static const char *const linkage_word[] = { "KEEP-LINKAGE", "MAKE-INTERNAL", "MAKE-EXTERNAL" };

static char *render_sym(int ret, struct sym_mod *m)
{
	char *s;

	if (ret < 0)
		return xstrdup("FAIL");
	s = xasprintf("%s %s%s", m->new_name, linkage_word[m->linkage],
		      m->make_pointer ? " MAKE-POINTER" : "");
	free(m->new_name);
	return s;
}

static char *render_bool(int ret, bool b)
{
	return xstrdup(ret < 0 ? "FAIL" : b ? "YES" : "NO");
}

static const struct src_loc test_loc = { "a.c", 3, 5 };

/*
 * Asks hook through the API with the argument vector the hook would see
 * (a[0..3], NULL terminated), renders the answer ("YES", "x MAKE-EXTERNAL",
 * "klpr_x", or "FAIL").
 */
static char *ask_as(struct policy *pol, enum hook_id hook, const char *const *a)
{
	struct sym_mod m = {0};
	char *name = NULL;
	bool b = false;
	int r;

	switch (hook) {
	case HOOK_IS_PATCHED:
		r = policy_is_patched(pol, a[0], &test_loc, &b);
		return render_bool(r, b);
	case HOOK_MAY_INCLUDE_HEADER:
		r = policy_may_include_header(pol, a[0], a[1] != NULL, &b);
		return render_bool(r, b);
	case HOOK_CAN_EXTERNALIZE_FUN:
		r = policy_can_externalize_fun(pol, a[0], a[1], a[1] ? a[2] : NULL,
					       &test_loc, &b);
		return render_bool(r, b);
	case HOOK_SHALL_EXTERNALIZE_FUN:
		r = policy_shall_externalize_fun(pol, a[0], a[1] != NULL, false, &test_loc, &b);
		return render_bool(r, b);
	case HOOK_SHALL_EXTERNALIZE_OBJ:
		r = policy_shall_externalize_obj(pol, a[0], &test_loc, &b);
		return render_bool(r, b);
	case HOOK_MODIFY_EXTERNALIZED_SYM:
		r = policy_modify_externalized_sym(pol, !strcmp(a[0], "function"), a[1],
						   (unsigned)atoi(a[2]), &test_loc, &m);
		return render_sym(r, &m);
	case HOOK_MODIFY_PATCHED_FUN_SYM:
		r = policy_modify_patched_fun_sym(pol, a[0], (unsigned)atoi(a[1]), &test_loc, &m);
		return render_sym(r, &m);
	case HOOK_RENAME_REWRITTEN_FUN:
		r = policy_rename_rewritten_fun(pol, a[0], (unsigned)atoi(a[1]), &test_loc, &name);
		if (r < 0)
			return xstrdup("FAIL");
		return name;
	default:
		return xstrdup("BAD HOOK");
	}
}

/* ask_as with stderr captured into *err (may be NULL: discarded). */
static char *ask_quiet(struct policy *pol, enum hook_id hook, const char *const *a, char **err)
{
	struct capture c;
	char *ans, *e;

	capture_start(&c, 2);
	ans = ask_as(pol, hook, a);
	e = capture_end(&c);
	if (err)
		*err = e;
	else
		free(e);
	return ans;
}

/* ---- cli ----------------------------------------------------------------- */

/* cli_parse on a NULL terminated argv; *err gets what went to stderr. */
static int parse(const char *const *argv, struct options *opts, char **err)
{
	struct capture c;
	int argc = 0, r;

	while (argv[argc])
		argc++;
	capture_start(&c, 2);
	r = cli_parse(argc, (char **)argv, opts);
	*err = capture_end(&c);
	return r;
}

static void test_cli_good(void)
{
	const char *argv[] = {
		"klp-ccp", "-o", "out.c", "--patched-functions=a,b", "--patched-functions=c",
		"-c", "x86_64-gcc-12.2.0", "-I", "i", "--pol-cmd-may-include-header=h",
		"-F", "f", "-S", "s", "-O", "o", "-E", "e", "-P", "p",
		"--pol-cmd-rename-rewritten-fun", "r", "--pol-cmd-timeout=2.5",
		"--", "gcc", "-c", "a.c", NULL,
	};
	const char *hooks[] = { "i", "h", "f", "s", "o", "e", "p", "r" };
	struct options opts;
	char *err;
	int r = parse(argv, &opts, &err);

	CHECK(r == 0, "good command line: cli_parse returned %d (%s)", r, err);
	CHECK_STR(err, "", "good command line: stderr");
	CHECK_STR(opts.outfile, "out.c", "-o");
	CHECK(opts.n_patched == 3, "patched: %zu names, want 3 (a,b,c)", opts.n_patched);
	if (opts.n_patched == 3) {
		CHECK_STR(opts.patched[0], "a", "patched[0]");
		CHECK_STR(opts.patched[1], "b", "patched[1]");
		CHECK_STR(opts.patched[2], "c", "patched[2]");
	}
	CHECK_STR(opts.compiler, "x86_64-gcc-12.2.0", "-c");
	for (int i = 0; i < HOOK_COUNT; i++)
		CHECK_STR(opts.hook_cmd[i], hooks[i], hook_name((enum hook_id)i));
	CHECK(opts.hook_timeout == 2.5, "timeout %g, want 2.5", opts.hook_timeout);
	CHECK(opts.orig_argc == 3 && opts.orig_argv == (char **)argv + 24,
	      "orig argv: argc %d", opts.orig_argc);
	options_release(&opts);
	free(err);
}

static void test_cli_minimal(void)
{
	const char *argv[] = { "klp-ccp", "--out=x.c", "-Iis-p", "--", "a.c", NULL };
	const char *argv2[] = { "klp-ccp", "-ox.c", "--patched-functions", "f", "--", "a.c", NULL };
	struct options opts;
	char *err;

	CHECK(parse(argv, &opts, &err) == 0, "abbreviated long option: %s", err);
	CHECK_STR(opts.outfile, "x.c", "--out=");
	CHECK_STR(opts.hook_cmd[HOOK_IS_PATCHED], "is-p", "-Iis-p");
	CHECK(opts.n_patched == 0 && opts.hook_timeout == 30, "defaults: %zu %g",
	      opts.n_patched, opts.hook_timeout);
	CHECK(opts.orig_argc == 1 && !strcmp(opts.orig_argv[0], "a.c"), "orig argv");
	CHECK(opts.compiler == NULL, "no -c: compiler is NULL");
	options_release(&opts);
	free(err);
	CHECK(parse(argv2, &opts, &err) == 0, "-ox.c --patched-functions f: %s", err);
	CHECK(opts.n_patched == 1 && !strcmp(opts.patched[0], "f"), "separate argument");
	options_release(&opts);
	free(err);
}

struct bad_cli {
	const char *argv[12];
	const char *msg;
};

static const struct bad_cli bad_clis[] = {
	{ { "klp-ccp", "--bogus", "--", "a.c" }, "unknown option '--bogus'" },
	{ { "klp-ccp", "-o", "x", "--patched-functions=f,g", "--patched-functions=f", "--",
	    "a.c" }, "function 'f' named twice in --patched-functions" },
	{ { "klp-ccp", "--bogus=3", "--", "a.c" }, "unknown option '--bogus'" },
	{ { "klp-ccp", "-x", "--", "a.c" }, "unknown option '-x'" },
	{ { "klp-ccp", "-o", "o", "-Z", "-o", "p", "--", "a.c" }, "unknown option '-Z'" },
	{ { "klp-ccp", "-o", "--", "a.c" }, "option '-o' requires an argument" },
	{ { "klp-ccp", "--outfile" }, "option '--outfile' requires an argument" },
	{ { "klp-ccp", "-o", "x", "--pol-cmd-timeout" },
	  "option '--pol-cmd-timeout' requires an argument" },
	{ { "klp-ccp", "-I" }, "option '-I' requires an argument" },
	{ { "klp-ccp", "--help=3" }, "option '--help' does not take an argument" },
	{ { "klp-ccp", "--he=3" }, "option '--help' does not take an argument" },
	{ { "klp-ccp", "--pol-cmd-is" }, "option '--pol-cmd-is-patched' requires an argument" },
	{ { "klp-ccp", "--pol-cmd-s=x", "--", "a.c" }, "ambiguous option '--pol-cmd-s'" },
	{ { "klp-ccp", "-o", "x", "--patched-functions=f", "gcc", "-c", "a.c" },
	  "missing '--' before the original compiler command line" },
	{ { "klp-ccp", "-o", "x", "--patched-functions=f" },
	  "missing '--' before the original compiler command line" },
	{ { "klp-ccp", "-o", "x", "a.c", "--", "gcc" }, "unexpected argument 'a.c' before '--'" },
	{ { "klp-ccp", "-o", "x", "--patched-functions=f", "--" },
	  "missing original compiler command line after '--'" },
	{ { "klp-ccp", "--patched-functions=f", "--", "a.c" }, "no output file given (-o)" },
	{ { "klp-ccp", "-o", "x", "--", "a.c" },
	  "no patched functions given (--patched-functions, -I or --patch)" },
	{ { "klp-ccp", "-o", "", "--", "a.c" }, "empty output file name for --outfile" },
	{ { "klp-ccp", "-I", "", "--", "a.c" }, "empty command for --pol-cmd-is-patched" },
	{ { "klp-ccp", "--patched-functions=a,,b" },
	  "empty function name in --patched-functions='a,,b'" },
	{ { "klp-ccp", "--patched-functions=a," },
	  "empty function name in --patched-functions='a,'" },
	{ { "klp-ccp", "--patched-functions=" },
	  "empty function name in --patched-functions=''" },
	{ { "klp-ccp", "--patched-functions=a b" },
	  "invalid function name 'a b' in --patched-functions" },
	{ { "klp-ccp", "--pol-cmd-timeout=0" },
	  "invalid --pol-cmd-timeout '0': expected a positive number of seconds" },
};

static const char *const bad_compilers[] = {
	"x86_64-gcc", "x86_64-gcc-12.x", "x86_64--12", "a-b-c-1", "x86_64-gcc-12.",
	"x86_64-gcc-.12", "x86_64-gcc-1..2", "", "-gcc-12", "x86 64-gcc-12", "gcc",
};

static const char *const bad_timeouts[] = { "0", "-1", "abc", "1s", "nan", "inf", "", " " };

static void check_bad_cli(const char *const *argv, const char *msg)
{
	struct options opts;
	char *err, *want = xasprintf("klp-ccp: error: %s (see klp-ccp --help)\n", msg);
	int r = parse(argv, &opts, &err);

	CHECK(r == -1, "'%s': cli_parse returned %d, want -1", msg, r);
	CHECK_STR(err, want, "usage error message");
	CHECK(opts.patched == NULL && opts.n_patched == 0, "opts not released after error");
	options_release(&opts);
	free(want);
	free(err);
}

static void test_cli_bad(void)
{
	const char *argv[] = { "klp-ccp", "-o", "x", "-I", "i", NULL, NULL, "--", "a.c", NULL };
	char *msg;

	for (size_t i = 0; i < ARRAY_SIZE(bad_clis); i++)
		check_bad_cli(bad_clis[i].argv, bad_clis[i].msg);
	argv[5] = "-c";
	for (size_t i = 0; i < ARRAY_SIZE(bad_compilers); i++) {
		argv[6] = bad_compilers[i];
		msg = xasprintf("invalid compiler '%s' for --compiler: expected "
				"ARCH-COMPILER-VERSION such as x86_64-gcc-12.2.0", argv[6]);
		check_bad_cli(argv, msg);
		free(msg);
	}
	argv[5] = "--pol-cmd-timeout";
	for (size_t i = 0; i < ARRAY_SIZE(bad_timeouts); i++) {
		argv[6] = bad_timeouts[i];
		msg = xasprintf("invalid --pol-cmd-timeout '%s': expected a positive number "
				"of seconds", argv[6]);
		check_bad_cli(argv, msg);
		free(msg);
	}
}

static void test_cli_compilers(void)
{
	const char *good[] = { "x86_64-gcc-12.2.0", "aarch64-gcc-13", "s390x-gcc-7.5.0",
			       "ppc64le-gcc-4.8.5" };
	const char *argv[] = { "klp-ccp", "-o", "x", "-I", "i", "-c", NULL, "--", "a.c", NULL };
	struct options opts;
	char *err;

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		argv[6] = good[i];
		CHECK(parse(argv, &opts, &err) == 0, "-c %s rejected: %s", good[i], err);
		options_release(&opts);
		free(err);
	}
}

static char *run_info(const char *opt, int *ret)
{
	const char *argv[] = { "klp-ccp", opt, "--bogus", NULL };
	struct options opts;
	struct capture c;
	char *err, *text;

	capture_start(&c, 1);
	*ret = parse(argv, &opts, &err);
	text = capture_end(&c);
	CHECK_STR(err, "", opt);
	free(err);
	options_release(&opts);
	return text;
}

static void test_cli_info(void)
{
	const char *must[] = {
		"--outfile=FILE", "--patched-functions=LIST", "--compiler=ARCH-COMPILER-VERSION",
		"--pol-cmd-timeout=SECONDS", "--help", "--version", "RESULT: ANSWER",
		"WARNING: TEXT", "ERROR: TEXT", "KLP_CCP_SOURCE", "KLP_CCP_CWD",
		"KLP_CCP_HOOK", "KLP_CCP_SYM_", "Exit status", "changed-functions",
		"klpp_NAME MAKE-EXTERNAL", "klpr_NAME", "NAME MAKE-EXTERNAL", "default: YES",
		"NO when from-header", "/bin/sh -c 'CMD \"$@\"' klp-ccp ARG...", "default 30",
	};
	int r;
	char *text = run_info("--help", &r), *opt;

	CHECK(r == 1, "--help returned %d, want 1", r);
	for (size_t i = 0; i < ARRAY_SIZE(must); i++)
		CHECK(strstr(text, must[i]), "--help does not mention '%s'", must[i]);
	for (int i = 0; i < HOOK_COUNT; i++) {
		opt = xasprintf("-%c, --pol-cmd-%s=CMD", "IHFSOEPR"[i], hook_name((enum hook_id)i));
		CHECK(strstr(text, opt), "--help does not document '%s'", opt);
		free(opt);
	}
	free(text);
	text = run_info("--version", &r);
	CHECK(r == 1, "--version returned %d, want 1", r);
	CHECK_STR(text, "klp-ccp test\n", "--version");
	free(text);
}

static void test_cli(void)
{
	const char *names[] = { "is-patched", "may-include-header", "can-externalize-fun",
				"shall-externalize-fun", "shall-externalize-obj",
				"modify-externalized-sym", "modify-patched-fun-sym",
				"rename-rewritten-fun" };

	for (int i = 0; i < HOOK_COUNT; i++)
		CHECK_STR(hook_name((enum hook_id)i), names[i], "hook_name");
	test_cli_good();
	test_cli_minimal();
	test_cli_bad();
	test_cli_compilers();
	test_cli_info();
}

/* ---- argument vectors ---------------------------------------------------- */

struct args_case {
	enum hook_id hook;
	const char *a[4];	/* what ask_as gets */
	const char *answer;	/* what the hook answers */
	const char *log;	/* what the hook saw */
};

static const struct args_case args_cases[] = {
	{ HOOK_IS_PATCHED, { "foo" }, "YES", "is-patched\n[foo]\n" },
	{ HOOK_MAY_INCLUDE_HEADER, { "inc/a.h" }, "NO", "may-include-header\n[inc/a.h]\n" },
	{ HOOK_MAY_INCLUDE_HEADER, { "inc/a.h", "pre-include" }, "YES",
	  "may-include-header\n[inc/a.h]\n[pre-include]\n" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper" }, "YES", "can-externalize-fun\n[helper]\n" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper", "internal", "a.c:3" }, "NO",
	  "can-externalize-fun\n[helper]\n[internal]\n[a.c:3]\n" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "g", "external", "dir/b.c:42" }, "YES",
	  "can-externalize-fun\n[g]\n[external]\n[dir/b.c:42]\n" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "f" }, "YES", "shall-externalize-fun\n[f]\n" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "f", "from-header" }, "NO",
	  "shall-externalize-fun\n[f]\n[from-header]\n" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "o" }, "NO", "shall-externalize-obj\n[o]\n" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
	  "klpe_f MAKE-EXTERNAL MAKE-POINTER",
	  "modify-externalized-sym\n[function]\n[f]\n[0]\n" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "o", "7" }, "o KEEP-LINKAGE",
	  "modify-externalized-sym\n[object]\n[o]\n[7]\n" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "3" }, "klpp_f3 MAKE-INTERNAL",
	  "modify-patched-fun-sym\n[f]\n[3]\n" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "4294967295" }, "klpp_f MAKE-EXTERNAL",
	  "modify-patched-fun-sym\n[f]\n[4294967295]\n" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "f", "0" }, "klpr_f", "rename-rewritten-fun\n[f]\n[0]\n" },
};

static void check_args_case(const struct args_case *t)
{
	char *cmd = rec_cmd("log", t->answer);
	struct policy *pol = policy_with(t->hook, cmd, 0);
	char *err, *ans = ask_quiet(pol, t->hook, t->a, &err);
	char *log = read_tmp("log");

	CHECK_STR(ans, t->answer, hook_name(t->hook));
	CHECK_STR(log, t->log, "arguments seen by the hook");
	CHECK_STR(err, "", "stderr");
	free(ans);
	free(log);
	free(err);
	policy_free(pol);
	free(cmd);
}

/* Data never reaches the shell as code. */
static void test_args_not_interpreted(void)
{
	char *evil = xasprintf("a b'c\"d $(touch %s/pwned) `touch %s/pwned2`; touch %s/pwned3 "
			       "\\ * $HOME %%s\n2nd line", tmpdir, tmpdir, tmpdir);
	const char *a[] = { evil, NULL };
	char *cmd = rec_cmd("log", "NO");
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 0);
	char *ans = ask_quiet(pol, HOOK_IS_PATCHED, a, NULL);
	char *log = read_tmp("log"), *want = xasprintf("is-patched\n[%s]\n", evil);

	CHECK_STR(ans, "NO", "evil name");
	CHECK_STR(log, want, "evil name passed verbatim");
	CHECK(!tmp_exists("pwned") && !tmp_exists("pwned2") && !tmp_exists("pwned3"),
	      "an argument was executed by the shell");
	free(want);
	free(log);
	free(ans);
	policy_free(pol);
	free(cmd);
	free(evil);
}

static void test_args(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(args_cases); i++)
		check_args_case(&args_cases[i]);
	test_args_not_interpreted();
}

/* ---- answers ------------------------------------------------------------- */

struct answer_case {
	enum hook_id hook;
	const char *a[4];
	const char *cmd;	/* shell code; the arguments follow it */
	const char *want;	/* rendered answer */
	const char *err;	/* exact stderr, %s = tmpdir not used */
	unsigned errors;	/* increase of diag_error_count() */
};

static const struct answer_case answer_cases[] = {
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; :", "YES", "", 0 },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT:NO  '; :", "NO", "", 0 },
	{ HOOK_IS_PATCHED, { "f" }, "printf 'RESULT: YES'; :", "YES", "", 0 },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'WARNING: careful'; echo 'RESULT: YES'; :", "YES",
	  "a.c:3:5: warning: is-patched: careful\n", 0 },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'ERROR: broken'; echo 'RESULT: NO'; echo 'WARNING: w'; :",
	  "NO", "a.c:3:5: error: is-patched: broken\na.c:3:5: warning: is-patched: w\n", 1 },
	{ HOOK_MAY_INCLUDE_HEADER, { "x/h.h" }, "echo 'WARNING: hdr'; echo 'RESULT: NO'; :",
	  "NO", "x/h.h: warning: may-include-header: hdr\n", 0 },
	/* the hook's words as they are: quotes are not shell-quoted */
	{ HOOK_IS_PATCHED, { "f" }, "echo \"WARNING: 'f' can't\"; echo 'RESULT: YES'; :", "YES",
	  "a.c:3:5: warning: is-patched: 'f' can't\n", 0 },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "o", "0" },
	  "echo 'RESULT: klpe_o   MAKE-INTERNAL\tMAKE-POINTER'; :",
	  "klpe_o MAKE-INTERNAL MAKE-POINTER", "", 0 },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
	  "echo 'RESULT: f KEEP-LINKAGE'; :", "f KEEP-LINKAGE", "", 0 },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "0" }, "echo 'RESULT: _x9 MAKE-EXTERNAL'; :",
	  "_x9 MAKE-EXTERNAL", "", 0 },
	{ HOOK_RENAME_REWRITTEN_FUN, { "f", "1" }, "echo 'RESULT: klpr_f1'; :", "klpr_f1", "", 0 },
	/* stdin is /dev/null */
	{ HOOK_IS_PATCHED, { "f" },
	  "if read x; then echo 'RESULT: NO'; else echo 'RESULT: YES'; fi; :",
	  "YES", "", 0 },
};

static void check_answer_case(const struct answer_case *t)
{
	struct policy *pol = policy_with(t->hook, t->cmd, 0);
	unsigned before = diag_error_count();
	char *err, *ans = ask_quiet(pol, t->hook, t->a, &err);

	CHECK_STR(ans, t->want, t->cmd);
	CHECK_STR(err, t->err, t->cmd);
	CHECK(diag_error_count() - before == t->errors, "%s: %u errors counted, want %u",
	      t->cmd, diag_error_count() - before, t->errors);
	free(ans);
	free(err);
	policy_free(pol);
}

static void test_no_location(void)
{
	const char *cmd = "echo 'WARNING: w1'; echo 'ERROR: e1'; echo 'RESULT: YES'; :";
	struct policy *pol = policy_with(HOOK_SHALL_EXTERNALIZE_OBJ, cmd, 0);
	struct src_loc noloc = { NULL, 0, 0 };
	struct capture c;
	bool b = false;
	char *err;
	int r;

	capture_start(&c, 2);
	r = policy_shall_externalize_obj(pol, "o", &noloc, &b);
	r += policy_shall_externalize_obj(pol, "p", NULL, &b);
	err = capture_end(&c);
	CHECK(r == 0 && b, "answer with an ERROR line is still used");
	CHECK_STR(err, "klp-ccp: warning: shall-externalize-obj: w1\n"
		  "klp-ccp: error: shall-externalize-obj: e1\n"
		  "klp-ccp: warning: shall-externalize-obj: w1\n"
		  "klp-ccp: error: shall-externalize-obj: e1\n", "messages without location");
	free(err);
	policy_free(pol);
}

/* Large output on both streams must not deadlock. */
static void test_large_output(void)
{
	const char *cmd = "i=0; while [ $i -lt 4000 ]; do "
			  "echo \"WARNING: line $i of a rather long output, to fill the pipe\"; "
			  "i=$((i+1)); done; echo 'RESULT: YES'; :";
	const char *a[] = { "f", NULL };
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 0);
	char *err, *ans = ask_quiet(pol, HOOK_IS_PATCHED, a, &err);

	CHECK_STR(ans, "YES", "large output");
	CHECK(count_lines(err) == 4000, "large output: %zu warnings, want 4000",
	      count_lines(err));
	free(ans);
	free(err);
	policy_free(pol);
}

static void test_answers(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(answer_cases); i++)
		check_answer_case(&answer_cases[i]);
	test_no_location();
	test_large_output();
}

/* ---- failures ------------------------------------------------------------ */

struct failure_case {
	enum hook_id hook;
	const char *a[4];
	const char *cmd;
	const char *why;	/* after "failed: " */
};

static const struct failure_case failure_cases[] = {
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper", "internal", "a.c:3" }, "exit 2; :",
	  "exited with status 2" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; echo oops >&2; :",
	  "wrote to standard error: 'oops'" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; printf 'no newline' >&2; :",
	  "wrote to standard error: 'no newline'" },
	{ HOOK_IS_PATCHED, { "f" }, "echo hello; echo 'RESULT: YES'; :",
	  "unexpected output line 'hello'" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; echo; :", "unexpected output line ''" },
	{ HOOK_IS_PATCHED, { "f" }, "printf 'RESULT: YES\\nx\\033[1my\\n'; :",
	  "unexpected output line 'x\\x1b[1my'" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'result: YES'; :",
	  "unexpected output line 'result: YES'" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'WARNING: w'; :", "no RESULT line" },
	{ HOOK_IS_PATCHED, { "f" }, ":", "no RESULT line" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; echo 'RESULT: YES'; :",
	  "more than one RESULT line" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: MAYBE'; :",
	  "invalid answer 'MAYBE' (expected YES or NO)" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: yes'; :",
	  "invalid answer 'yes' (expected YES or NO)" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT:'; :", "invalid answer '' (expected YES or NO)" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES NO'; :",
	  "invalid answer 'YES NO' (expected YES or NO)" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "0" }, "echo 'RESULT: klpp_f'; :",
	  "invalid answer 'klpp_f' (expected NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL)" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "0" },
	  "echo 'RESULT: klpp_f MAKE-EXTERNAL MAKE-POINTER'; :",
	  "invalid answer 'klpp_f MAKE-EXTERNAL MAKE-POINTER' "
	  "(expected NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL)" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "0" }, "echo 'RESULT: 1f MAKE-EXTERNAL'; :",
	  "invalid answer '1f MAKE-EXTERNAL': NEW-NAME '1f' is not a C identifier" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "f", "0" }, "echo 'RESULT: int KEEP-LINKAGE'; :",
	  "invalid answer 'int KEEP-LINKAGE': NEW-NAME 'int' is not a C identifier" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
	  "echo 'RESULT: f MAKE-POINTER'; :",
	  "invalid answer 'f MAKE-POINTER' (expected NEW-NAME "
	  "KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL [MAKE-POINTER])" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
	  "echo 'RESULT: f KEEP-LINKAGE MAKE-POINTER x'; :",
	  "invalid answer 'f KEEP-LINKAGE MAKE-POINTER x' (expected NEW-NAME "
	  "KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL [MAKE-POINTER])" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
	  "echo 'RESULT: a-b KEEP-LINKAGE'; :",
	  "invalid answer 'a-b KEEP-LINKAGE': NEW-NAME 'a-b' is not a C identifier" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "f", "0" }, "echo 'RESULT: a b'; :",
	  "invalid answer 'a b' (expected NEW-NAME)" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "f", "0" }, "echo 'RESULT: f$'; :",
	  "invalid answer 'f$': NEW-NAME 'f$' is not a C identifier" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; exit 1; :", "exited with status 1" },
	{ HOOK_IS_PATCHED, { "f" }, "/nonexistent/hook",
	  "exited with status 127 (command not found)" },
	{ HOOK_IS_PATCHED, { "f" }, "echo 'RESULT: YES'; kill -9 $$; :",
	  "killed by signal 9 (Killed)" },
	{ HOOK_IS_PATCHED, { "f" }, "kill -TERM $$; :", "killed by signal 15 (Terminated)" },
	{ HOOK_IS_PATCHED, { "f" }, "head -c 1100000 /dev/zero | tr '\\0' x; :",
	  "wrote more than 1048576 bytes of output" },
	{ HOOK_IS_PATCHED, { "f" },
	  "head -c 300000 /dev/zero | tr '\\0' x >&2; echo 'RESULT: NO'; :",
	  NULL /* stderr, quoted and shortened */ },
};

static void check_failure_case(const struct failure_case *t)
{
	struct policy *pol = policy_with(t->hook, t->cmd, 0);
	unsigned before = diag_error_count();
	struct strbuf want = {0};
	char *err, *ans = ask_quiet(pol, t->hook, t->a, &err);

	sb_addf(&want, "klp-ccp: error: hook %s ('", hook_name(t->hook));
	for (const char *c = t->cmd; *c; c++)
		sb_adds(&want, *c == '\'' ? "'\\''" : (char[2]){ *c, 0 });
	sb_addc(&want, '\'');
	for (size_t i = 0; t->a[i]; i++)
		sb_addf(&want, " %s", t->a[i]);
	if (t->why)
		sb_addf(&want, ") failed: %s\n", t->why);
	else
		sb_adds(&want, ") failed: wrote to standard error: 'xxxxxxxxxx");
	CHECK_STR(ans, "FAIL", t->cmd);
	if (t->why)
		CHECK_STR(err, want.buf, "failure message");
	else
		CHECK(!strncmp(err, want.buf, want.len) && strstr(err, "...'\n") &&
		      count_lines(err) == 1 && strlen(err) < 400, "stderr failure: %s", err);
	CHECK(diag_error_count() - before == 1, "%s: failure counts %u errors",
	      t->cmd, diag_error_count() - before);
	free(ans);
	free(err);
	sb_release(&want);
	policy_free(pol);
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A hook running past the limit is killed with its whole process group. */
static void test_timeout(void)
{
	char *cmd = xasprintf("(sleep 1; touch %s/survivor) & sleep 3; :", tmpdir);
	char *want = xasprintf("klp-ccp: error: hook is-patched ('%s' f) failed: timed out "
			       "after 0.3 s (see --pol-cmd-timeout)\n", cmd);
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 0.3);
	const char *a[] = { "f", NULL };
	double t0 = seconds();
	char *err, *ans = ask_quiet(pol, HOOK_IS_PATCHED, a, &err);
	double dt = seconds() - t0;

	CHECK_STR(ans, "FAIL", "timeout");
	CHECK_STR(err, want, "timeout message");
	CHECK(dt >= 0.29 && dt < 2.0, "timeout took %.2f s", dt);
	free(ans);
	free(err);
	free(want);
	policy_free(pol);
	free(cmd);
	usleep(1500000);	/* the background process would have written by now */
	CHECK(!tmp_exists("survivor"), "a background process of a timed out hook survived");
}

/* A hook that closes its output and goes on running still times out. */
static void test_timeout_closed_output(void)
{
	const char *cmd = "echo 'RESULT: YES'; exec >&- 2>&-; sleep 3; :";
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 0.3);
	const char *a[] = { "f", NULL };
	double t0 = seconds();
	char *err, *ans = ask_quiet(pol, HOOK_IS_PATCHED, a, &err);
	double dt = seconds() - t0;

	CHECK_STR(ans, "FAIL", "timeout with closed output");
	CHECK(strstr(err, "failed: timed out after 0.3 s"), "timeout message: %s", err);
	CHECK(dt >= 0.29 && dt < 2.0, "timeout took %.2f s", dt);
	free(ans);
	free(err);
	policy_free(pol);
}

/*
 * A hook that closes its output and exits a moment later is waited for
 * without sleeping in steps (a pidfd, where the kernel has them), and its
 * answer still counts.
 */
static void test_exit_awaited(void)
{
	const char *cmd = "echo 'RESULT: YES'; exec >&- 2>&-; sleep 0.05; :";
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 5);
	unsigned long before = hook_reap_sleeps();
	int fd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	const char *a[] = { "f", NULL };
	char *ans = ask_as(pol, HOOK_IS_PATCHED, a);

	CHECK_STR(ans, "YES", "answer of a hook exiting after its output");
	if (fd >= 0)
		CHECK(hook_reap_sleeps() == before, "%lu sleep steps waiting for a hook's exit",
		      hook_reap_sleeps() - before);
	else
		fprintf(out, "skipped: no pidfd_open (%s)\n", strerror(errno));
	if (fd >= 0)
		close(fd);
	free(ans);
	policy_free(pol);
}

static void test_failures(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(failure_cases); i++)
		check_failure_case(&failure_cases[i]);
	test_timeout();
	test_timeout_closed_output();
	test_exit_awaited();
}

/* ---- cache --------------------------------------------------------------- */

static size_t invocations(void)
{
	char *s = read_tmp("clog.count");
	size_t n = count_lines(s);

	free(s);
	return n;
}

static void test_cache_answers(void)
{
	char *cmd = xasprintf("echo x >> %s/clog.count; echo 'WARNING: once'; "
			      "echo 'RESULT: klpp_f MAKE-EXTERNAL'; :", tmpdir);
	struct policy *pol = policy_with(HOOK_MODIFY_PATCHED_FUN_SYM, cmd, 0);
	const char *a0[] = { "f", "0", NULL }, *a1[] = { "f", "1", NULL };
	const char *b0[] = { "g", "0", NULL };
	char *e1, *e2, *x1 = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, a0, &e1);
	char *x2 = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, a0, &e2);

	CHECK(invocations() == 1, "same arguments: hook run %zu times", invocations());
	CHECK_STR(x1, "klpp_f MAKE-EXTERNAL", "first answer");
	CHECK_STR(x2, "klpp_f MAKE-EXTERNAL", "cached answer");
	CHECK_STR(e1, "a.c:3:5: warning: modify-patched-fun-sym: once\n", "first warning");
	CHECK_STR(e2, "", "warnings are not replayed from the cache");
	free(x1);
	free(x2);
	free(e1);
	free(e2);
	x1 = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, a1, NULL);
	x2 = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, b0, NULL);
	CHECK(invocations() == 3, "different arguments: hook run %zu times, want 3",
	      invocations());
	free(x1);
	free(x2);
	policy_free(pol);
	free(cmd);
}

/* Many distinct questions (the table grows), each asked twice. */
static void test_cache_many(void)
{
	char *cmd = xasprintf("echo x >> %s/clog.count; echo 'RESULT: NO'; :", tmpdir);
	struct policy *pol = policy_with(HOOK_SHALL_EXTERNALIZE_OBJ, cmd, 0);
	char name[32];
	bool b;
	int bad = 0;

	remove_tmp("clog.count");
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 150; i++) {
			snprintf(name, sizeof(name), "obj%d", i);
			bad += policy_shall_externalize_obj(pol, name, NULL, &b) != 0 || b;
		}
	CHECK(bad == 0, "%d wrong answers", bad);
	CHECK(invocations() == 150, "150 questions twice: hook run %zu times", invocations());
	policy_free(pol);
	free(cmd);
}

/* Separate hooks with the same arguments have separate entries. */
static void test_cache_per_hook(void)
{
	char *cmd = xasprintf("echo x >> %s/clog.count; echo 'RESULT: YES'; :", tmpdir);
	struct options opts = {0};
	struct policy *pol;
	bool b;
	int r;

	remove_tmp("clog.count");
	opts.hook_cmd[HOOK_IS_PATCHED] = cmd;
	opts.hook_cmd[HOOK_SHALL_EXTERNALIZE_OBJ] = cmd;
	pol = policy_new(&opts, "a.c", NULL);
	r = policy_is_patched(pol, "x", NULL, &b);
	r |= policy_shall_externalize_obj(pol, "x", NULL, &b);
	r |= policy_is_patched(pol, "x", NULL, &b);
	CHECK(r == 0 && invocations() == 2, "two hooks, same arguments: run %zu times",
	      invocations());
	policy_free(pol);
	free(cmd);
}

static void test_cache_failure(void)
{
	char *cmd = xasprintf("echo x >> %s/clog.count; exit 3; :", tmpdir);
	struct policy *pol = policy_with(HOOK_IS_PATCHED, cmd, 0);
	const char *a[] = { "f", NULL };
	char *e1, *e2, *x1, *x2;

	remove_tmp("clog.count");
	x1 = ask_quiet(pol, HOOK_IS_PATCHED, a, &e1);
	x2 = ask_quiet(pol, HOOK_IS_PATCHED, a, &e2);
	CHECK(invocations() == 1, "failing hook run %zu times", invocations());
	CHECK_STR(x1, "FAIL", "failing hook");
	CHECK_STR(x2, "FAIL", "failing hook, cached");
	CHECK(count_lines(e1) == 1, "failure reported: %s", e1);
	CHECK_STR(e2, "", "failure not reported twice");
	free(x1);
	free(x2);
	free(e1);
	free(e2);
	policy_free(pol);
	free(cmd);
}

static void test_cache(void)
{
	remove_tmp("clog.count");
	test_cache_answers();
	test_cache_many();
	test_cache_per_hook();
	test_cache_failure();
}

/* ---- environment --------------------------------------------------------- */

static const char env_cmd[] =
	"echo \"WARNING: $KLP_CCP_SOURCE|$KLP_CCP_CWD|$KLP_CCP_HOOK|${KLP_CCP_SYM_X-unset}|"
	"$KLP_TEST_VAR|$(pwd)\"; echo 'RESULT: YES'; :";

static char *env_seen(struct policy *pol, const char *name)
{
	struct capture c;
	bool b;
	char *err;

	capture_start(&c, 2);
	policy_shall_externalize_obj(pol, name, NULL, &b);
	err = capture_end(&c);
	return err;
}

static void test_env(void)
{
	char *const facts[] = { "KLP_CCP_SYM_X=sym x", "KLP_TEST_VAR=from fact", "NOEQUALS",
				"KLP_CCP_HOOK=overridden?", NULL };
	struct options opts = {0};
	char cwd[4096], *want, *got;
	struct policy *pol;

	setenv("KLP_TEST_VAR", "from parent", 1);
	opts.hook_cmd[HOOK_SHALL_EXTERNALIZE_OBJ] = env_cmd;
	pol = policy_new(&opts, "dir/x.c", "/some/where");
	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "?");
	got = env_seen(pol, "a");
	want = xasprintf("klp-ccp: warning: shall-externalize-obj: dir/x.c|/some/where|"
			 "shall-externalize-obj|unset|from parent|%s\n", cwd);
	CHECK_STR(got, want, "hook environment");
	free(got);
	free(want);
	policy_set_fact_env(pol, facts);
	got = env_seen(pol, "b");
	want = xasprintf("klp-ccp: warning: shall-externalize-obj: dir/x.c|/some/where|"
			 "shall-externalize-obj|sym x|from fact|%s\n", cwd);
	CHECK_STR(got, want, "hook environment with facts");
	free(got);
	free(want);
	policy_set_fact_env(pol, NULL);
	got = env_seen(pol, "c");
	CHECK(strstr(got, "|unset|from parent|"), "facts cleared: %s", got);
	free(got);
	policy_free(pol);
	unsetenv("KLP_TEST_VAR");
}

/* ---- toy and kernel policies --------------------------------------------- */

struct policy_case {
	enum hook_id hook;
	const char *a[4];
	const char *want;
};

static const struct policy_case toy_cases[] = {
	{ HOOK_IS_PATCHED, { "pu_f" }, "YES" },
	{ HOOK_IS_PATCHED, { "ps_f" }, "YES" },
	{ HOOK_IS_PATCHED, { "pe_f" }, "YES" },
	{ HOOK_IS_PATCHED, { "pu_eu_f" }, "YES" },
	{ HOOK_IS_PATCHED, { "pa_f" }, "NO" },
	{ HOOK_IS_PATCHED, { "pu" }, "NO" },
	{ HOOK_IS_PATCHED, { "eu_f" }, "NO" },
	{ HOOK_IS_PATCHED, { "f_pu_" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "include/linux/fs.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "drivers/foo_internal.h" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "internal/a.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "a-internal-b.h", "pre-include" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "/usr/include/stdio.h", "pre-include" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "dir with space/internal.h" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eu_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "es_f", "internal", "a.c:1" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "ee_f", "external", "a.c:2" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eup_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eur_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eepr_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "pu_eu_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "pe_espr_f" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "ea_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "e_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "er_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eurp_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "eu" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "euf" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "pa_eu_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "xeu_f" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper", "internal", "a.c:3" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "eu_f" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "helper" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "eu_f", "from-header" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "eu_o" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "eepr_o" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "esr_o" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "o" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "ex_o" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "pu_eu_o" }, "NO" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "eu_x", "0" }, "eu_x KEEP-LINKAGE" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "ee_f", "0" }, "ee_f MAKE-EXTERNAL" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "esp_x", "0" },
	  "esp_x MAKE-INTERNAL MAKE-POINTER" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "eepr_f", "0" },
	  "klpe_eepr_f MAKE-EXTERNAL MAKE-POINTER" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "eepr_f", "2" },
	  "klpe_eepr_f2 MAKE-EXTERNAL MAKE-POINTER" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "pu_eur_f", "0" },
	  "klpe_pu_eur_f KEEP-LINKAGE" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "pu_eur_o", "0" }, "pu_eur_o KEEP-LINKAGE" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "esr_o", "11" }, "klpe_esr_o11 MAKE-INTERNAL" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "helper", "0" }, "helper KEEP-LINKAGE" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "helper", "3" }, "helper KEEP-LINKAGE" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "pu_f", "0" }, "klpp_pu_f KEEP-LINKAGE" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "ps_f", "2" }, "klpp_ps_f2 MAKE-INTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "pe_f", "0" }, "klpp_pe_f MAKE-EXTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "foo", "0" }, "klpp_foo KEEP-LINKAGE" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "helper", "0" }, "klpr_helper" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "helper", "12" }, "klpr_helper12" },
};

static const struct policy_case kernel_cases[] = {
	{ HOOK_IS_PATCHED, { "foo" }, "YES" },
	{ HOOK_IS_PATCHED, { "baz" }, "YES" },
	{ HOOK_IS_PATCHED, { "ba" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "include/linux/fs.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "arch/x86/include/asm/page.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "./include/linux/kconfig.h", "pre-include" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "/usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "drivers/net/foo/foo.h" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "kernel/sched/sched.h" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "includes/x.h" }, "NO" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper", "internal", "a.c:3" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "helper" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "helper", "from-header" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "jiffies" }, "YES" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "jiffies", "0" }, "jiffies MAKE-EXTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "foo", "0" }, "klpp_foo MAKE-EXTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "foo", "1" }, "klpp_foo1 MAKE-EXTERNAL" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "helper", "0" }, "klpr_helper" },
};

/* A policy using dir/<hook> for every hook, with extra arguments for some. */
static struct policy *script_policy(const char *dir, const char *const extra[HOOK_COUNT])
{
	struct options opts = {0};
	char *cmds[HOOK_COUNT];
	struct policy *pol;

	for (int i = 0; i < HOOK_COUNT; i++) {
		cmds[i] = xasprintf("%s/%s/%s%s", KLP_CCP_SOURCE_DIR, dir,
				    hook_name((enum hook_id)i), extra[i] ? extra[i] : "");
		opts.hook_cmd[i] = cmds[i];
	}
	pol = policy_new(&opts, "a.c", NULL);
	for (int i = 0; i < HOOK_COUNT; i++)
		free(cmds[i]);
	return pol;
}

static void check_policy_cases(struct policy *pol, const struct policy_case *cases, size_t n,
			       const char *which)
{
	for (size_t i = 0; i < n; i++) {
		char *err, *ans = ask_quiet(pol, cases[i].hook, cases[i].a, &err);
		char *what = xasprintf("%s %s %s %s", which, hook_name(cases[i].hook),
				       cases[i].a[0], cases[i].a[1] ? cases[i].a[1] : "");

		CHECK_STR(ans, cases[i].want, what);
		CHECK_STR(err, "", what);
		free(what);
		free(ans);
		free(err);
	}
}

static void test_toy(void)
{
	const char *extra[HOOK_COUNT] = {0};
	struct policy *pol = script_policy("policies/toy", extra);

	check_policy_cases(pol, toy_cases, ARRAY_SIZE(toy_cases), "toy");
	policy_free(pol);
}

static void test_kernel(void)
{
	const char *extra[HOOK_COUNT] = { [HOOK_IS_PATCHED] = " foo,bar baz" };
	const struct policy_case ptr[] = {
		{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" },
		  "klpe_f MAKE-INTERNAL MAKE-POINTER" },
		{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "o", "5" },
		  "klpe_o5 MAKE-INTERNAL MAKE-POINTER" },
	};
	const char *traceiter[] = { "__traceiter_sched_wakeup", "0", NULL };
	struct policy *pol = script_policy("policies/kernel", extra);
	char *err, *ans;

	check_policy_cases(pol, kernel_cases, ARRAY_SIZE(kernel_cases), "kernel");
	/* tracepoint internals are refused with an ERROR: line */
	ans = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, traceiter, &err);
	CHECK(strstr(err, "error: modify-patched-fun-sym: '__traceiter_sched_wakeup' is tracepoint code") != NULL,
	      "kernel: __traceiter_ not refused: %s", err);
	free(ans);
	free(err);
	policy_free(pol);
	extra[HOOK_MODIFY_EXTERNALIZED_SYM] = " --pointer";
	pol = script_policy("policies/kernel", extra);
	check_policy_cases(pol, ptr, ARRAY_SIZE(ptr), "kernel --pointer");
	policy_free(pol);
}

/* ---- built-in defaults --------------------------------------------------- */

static const struct policy_case default_cases[] = {
	{ HOOK_IS_PATCHED, { "foo" }, "YES" },
	{ HOOK_IS_PATCHED, { "bar" }, "YES" },
	{ HOOK_IS_PATCHED, { "fo" }, "NO" },
	{ HOOK_MAY_INCLUDE_HEADER, { "x_internal.h" }, "YES" },
	{ HOOK_MAY_INCLUDE_HEADER, { "x.h", "pre-include" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper" }, "YES" },
	{ HOOK_CAN_EXTERNALIZE_FUN, { "helper", "internal", "a.c:3" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "helper" }, "YES" },
	{ HOOK_SHALL_EXTERNALIZE_FUN, { "helper", "from-header" }, "NO" },
	{ HOOK_SHALL_EXTERNALIZE_OBJ, { "o" }, "YES" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "function", "f", "0" }, "f MAKE-EXTERNAL" },
	{ HOOK_MODIFY_EXTERNALIZED_SYM, { "object", "o", "2" }, "o MAKE-EXTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "foo", "0" }, "klpp_foo MAKE-EXTERNAL" },
	{ HOOK_MODIFY_PATCHED_FUN_SYM, { "foo", "1" }, "klpp_foo1 MAKE-EXTERNAL" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "helper", "0" }, "klpr_helper" },
	{ HOOK_RENAME_REWRITTEN_FUN, { "helper", "10" }, "klpr_helper10" },
};

/* With -I and --patched-functions, listed names are patched without asking. */
static void test_patched_union(void)
{
	char *foo = xstrdup("foo"), *list[] = { foo };
	char *cmd = rec_cmd("ulog", "NO");
	struct options opts = { .patched = list, .n_patched = 1 };
	struct policy *pol;
	const char *a1[] = { "foo", NULL }, *a2[] = { "qux", NULL };
	char *x1, *x2;

	opts.hook_cmd[HOOK_IS_PATCHED] = cmd;
	pol = policy_new(&opts, "a.c", NULL);
	free(foo);	/* the policy keeps its own copy */
	x1 = ask_quiet(pol, HOOK_IS_PATCHED, a1, NULL);
	CHECK(!tmp_exists("ulog"), "hook asked about a listed function");
	x2 = ask_quiet(pol, HOOK_IS_PATCHED, a2, NULL);
	CHECK(tmp_exists("ulog"), "hook not asked about an unlisted function");
	CHECK_STR(x1, "YES", "listed");
	CHECK_STR(x2, "NO", "unlisted, hook says NO");
	free(x1);
	free(x2);
	policy_free(pol);
	free(cmd);
}

/* A kernel target: tracepoint internals are refused, as by policies/kernel. */
static void test_default_tracepoint(void)
{
	struct policy *pol = policy_new(NULL, NULL, NULL);
	struct sym_mod mod = { 0 };
	const char *traceiter[] = { "__traceiter_sched_wakeup", "0", NULL };
	char *err, *ans;

	ans = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, traceiter, NULL);
	CHECK_STR(ans, "klpp___traceiter_sched_wakeup MAKE-EXTERNAL", "default, user space");
	free(ans);
	policy_set_kernel_target(pol, true);
	ans = ask_quiet(pol, HOOK_MODIFY_PATCHED_FUN_SYM, traceiter, &err);
	CHECK(strstr(err, "error: modify-patched-fun-sym: '__traceiter_sched_wakeup' is tracepoint code") != NULL,
	      "default, kernel: __traceiter_ not refused: %s", err);
	free(ans);
	free(err);
	CHECK(!policy_modify_patched_fun_sym(pol, "sched_wakeup", 0, NULL, &mod) &&
	      !strcmp(mod.new_name, "klpp_sched_wakeup"), "default, kernel: plain function");
	free(mod.new_name);
	policy_free(pol);
}

static void test_defaults(void)
{
	char *names[] = { "foo", "bar" };
	struct options opts = { .patched = names, .n_patched = 2 };
	struct policy *pol = policy_new(&opts, "a.c", "/");

	check_policy_cases(pol, default_cases, ARRAY_SIZE(default_cases), "default");
	policy_free(pol);
	pol = policy_new(NULL, NULL, NULL);
	check_policy_cases(pol, default_cases + 3, ARRAY_SIZE(default_cases) - 3, "default");
	policy_free(pol);
	test_patched_union();
	test_default_tracepoint();
}

/* ---- main ---------------------------------------------------------------- */

static const struct {
	const char *name;
	void (*fn)(void);
} groups[] = {
	{ "cli", test_cli },
	{ "args", test_args },
	{ "answers", test_answers },
	{ "failures", test_failures },
	{ "cache", test_cache },
	{ "env", test_env },
	{ "toy", test_toy },
	{ "kernel", test_kernel },
	{ "defaults", test_defaults },
};

static void setup(void)
{
	out = fdopen(dup(2), "w");
	if (!out || !mkdtemp(tmpdir)) {
		perror("test_policy: setup");
		exit(2);
	}
	setvbuf(out, NULL, _IONBF, 0);
	write_tmp("rec.sh", rec_script, true);
}

static void cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	if (system(cmd) != 0)
		fprintf(out, "warning: could not remove %s\n", tmpdir);
	free(cmd);
	fclose(out);
}

static int run_group(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(groups); i++) {
		if (strcmp(name, "all") && strcmp(name, groups[i].name))
			continue;
		groups[i].fn();
		if (strcmp(name, "all"))
			return 0;
	}
	if (strcmp(name, "all")) {
		fprintf(out, "unknown test group '%s'\n", name);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int bad_usage = 0;

	setup();
	for (int i = 1; i < argc; i++)
		bad_usage |= run_group(argv[i]);
	if (argc < 2)
		bad_usage |= run_group("all");
	fprintf(out, "%d checks, %d failures\n", checks, failures);
	cleanup();
	return failures || bad_usage ? 1 : 0;
}
