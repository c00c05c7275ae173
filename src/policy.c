/*
 * Policy hooks (spec/policy-hooks.md): questions are answered by external
 * commands, or by the built-in defaults below when no command is given.
 *
 * Built-in defaults (copied into the README):
 *
 *   hook                     arguments                          default answer
 *   is-patched               NAME                               YES when NAME is in
 *                                                               --patched-functions
 *   may-include-header       HEADER [pre-include]               YES
 *                            (a kernel target object: YES only under an
 *                            include/ directory, as policies/kernel)
 *   can-externalize-fun      NAME [internal|external FILE:LINE] YES
 *                            (NO with binary facts showing NAME absent from the
 *                            target or present only as clones, when a definition
 *                            is there to copy; YES when exported)
 *   shall-externalize-fun    NAME [from-header]                 YES, NO when from-header
 *                            (NO when from-header, even when exported;
 *                            with facts: NO when inlined into a patched or copied
 *                            function, so the copy can be inlined as in the
 *                            original; else
 *                            YES when exported; NO when absent or clone-only)
 *   shall-externalize-obj    NAME                               YES, NO for a read-only
 *                            function-scope static (a constant table: its copy
 *                            behaves the same, and its symbol is NAME.N)
 *                            (with facts too: an object missing from a .o may be
 *                            defined in another unit of the running binary)
 *   modify-externalized-sym  function|object NAME RETRY         NAME MAKE-EXTERNAL
 *                            (plain externalization: the name is kept and resolved
 *                            by klp relocations, klp-convert; an exported symbol is
 *                            always referenced plainly, a local one is resolved
 *                            with the sympos of its facts, recorded by the caller)
 *   modify-patched-fun-sym   NAME RETRY                         klpp_NAME MAKE-EXTERNAL
 *                            (klpp_NAME<RETRY> when RETRY > 0, e.g. klpp_foo1)
 *   rename-rewritten-fun     NAME RETRY                         klpr_NAME
 *                            (klpr_NAME<RETRY> when RETRY > 0)
 *
 * is-patched with both -I and --patched-functions: a name in the list is
 * patched without asking; the hook is asked about every other name.
 *
 * Running a hook: fork + execve("/bin/sh", {"sh", "-c", "CMD \"$@\"",
 * "klp-ccp", ARG...}) in its own process group, stdin /dev/null, stdout and
 * stderr read through pipes with poll(), the whole group killed with SIGKILL
 * when the time limit expires. The environment is klp-ccp's plus
 * KLP_CCP_SOURCE, KLP_CCP_CWD, KLP_CCP_HOOK, KLP_CCP_PATCHED_FUNCTIONS (once
 * policy_set_patched() was called: the patched functions, space-separated,
 * sorted), KLP_CCP_COPIED_FUNCTIONS (with it: the functions copied so far, in
 * the order decided), for shall-externalize-obj KLP_CCP_OBJ_SCOPE
 * (function|file) and KLP_CCP_OBJ_READONLY (yes|no), the policy_set_fact_env()
 * entries and the policy_set_facts() ones (built in the parent: only
 * async-signal-safe calls after fork):
 *
 *   KLP_CCP_SYM_NAME                  the symbol the facts are about
 *   KLP_CCP_SYM_PRESENT               yes|no: out-of-line under its own name
 *   KLP_CCP_SYM_BINDING               local|global|weak, empty when absent
 *   KLP_CCP_SYM_SYMPOS                1-based among same-named locals, 0 if not local
 *   KLP_CCP_SYM_EXPORTED              yes|no (__ksymtab, Module.symvers, .dynsym)
 *   KLP_CCP_SYM_OBJECT                vmlinux, module name or program name
 *   KLP_CCP_SYM_CLONES                space-separated SYMBOL:KIND, KIND one of
 *                                     isra|constprop|part|cold|other
 *   KLP_CCP_SYM_INLINED_INTO          space-separated sorted function names
 *   KLP_CCP_SYM_CALLERS_VIA_CLONES    space-separated sorted function names
 *   KLP_CCP_SYM_COLD                  yes|no: GCC placed it in .text.unlikely
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/util.h"

#define DEFAULT_TIMEOUT_S	30.0
#define MAX_OUTPUT		(1024 * 1024)	/* per stream; more is a failure */
#define MAX_QUOTED		200		/* characters of a quoted line */
#define MAX_ARGS		4

/* ---- answers ------------------------------------------------------------ */

enum answer_kind {
	ANS_BOOL,	/* YES|NO */
	ANS_SYM,	/* NEW-NAME LINKAGE */
	ANS_SYM_PTR,	/* NEW-NAME LINKAGE [MAKE-POINTER] */
	ANS_NAME,	/* NEW-NAME */
};

static const enum answer_kind answer_kinds[HOOK_COUNT] = {
	[HOOK_IS_PATCHED] = ANS_BOOL,
	[HOOK_MAY_INCLUDE_HEADER] = ANS_BOOL,
	[HOOK_CAN_EXTERNALIZE_FUN] = ANS_BOOL,
	[HOOK_SHALL_EXTERNALIZE_FUN] = ANS_BOOL,
	[HOOK_SHALL_EXTERNALIZE_OBJ] = ANS_BOOL,
	[HOOK_MODIFY_EXTERNALIZED_SYM] = ANS_SYM_PTR,
	[HOOK_MODIFY_PATCHED_FUN_SYM] = ANS_SYM,
	[HOOK_RENAME_REWRITTEN_FUN] = ANS_NAME,
};

static const char *const expected_answer[] = {
	[ANS_BOOL] = "YES or NO",
	[ANS_SYM] = "NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL",
	[ANS_SYM_PTR] = "NEW-NAME KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL [MAKE-POINTER]",
	[ANS_NAME] = "NEW-NAME",
};

static const char *const linkage_words[] = {
	[LINKAGE_KEEP] = "KEEP-LINKAGE",
	[LINKAGE_MAKE_INTERNAL] = "MAKE-INTERNAL",
	[LINKAGE_MAKE_EXTERNAL] = "MAKE-EXTERNAL",
};

static const char *const c_keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do",
	"double", "else", "enum", "extern", "float", "for", "goto", "if",
	"inline", "int", "long", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "struct", "switch", "typedef", "union",
	"unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
	"_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
	"_Static_assert", "_Thread_local", "asm", "typeof",
};

struct tokens {
	char *v[MAX_ARGS];
	size_t n;	/* MAX_ARGS + 1 when there were more */
	char *buf;
};

static void tokenize(const char *s, struct tokens *t)
{
	char *save = NULL, *tok;

	t->n = 0;
	t->buf = xstrdup(s);
	for (tok = strtok_r(t->buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (t->n == MAX_ARGS) {
			t->n++;
			break;
		}
		t->v[t->n++] = tok;
	}
}

static bool is_keyword(const char *s)
{
	for (size_t i = 0; i < sizeof(c_keywords) / sizeof(c_keywords[0]); i++)
		if (!strcmp(c_keywords[i], s))
			return true;
	return false;
}

static bool is_c_identifier(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

static int linkage_of(const char *word)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(linkage_words[i], word))
			return i;
	return -1;
}

static bool answer_shape_ok(enum answer_kind kind, const struct tokens *t)
{
	switch (kind) {
	case ANS_BOOL:
		return t->n == 1 && (!strcmp(t->v[0], "YES") || !strcmp(t->v[0], "NO"));
	case ANS_NAME:
		return t->n == 1;
	case ANS_SYM_PTR:
		if (t->n == 3 && strcmp(t->v[2], "MAKE-POINTER"))
			return false;
		return (t->n == 2 || t->n == 3) && linkage_of(t->v[1]) >= 0;
	case ANS_SYM:
		return t->n == 2 && linkage_of(t->v[1]) >= 0;
	}
	return false;
}

/* NULL when answer is valid for hook, else what is wrong (allocated). */
static char *check_answer(enum hook_id hook, const char *answer)
{
	enum answer_kind kind = answer_kinds[hook];
	struct tokens t;
	char *err = NULL;

	tokenize(answer, &t);
	if (!answer_shape_ok(kind, &t))
		err = xasprintf("invalid answer '%s' (expected %s)", answer,
				expected_answer[kind]);
	else if (kind != ANS_BOOL && (!is_c_identifier(t.v[0]) || is_keyword(t.v[0])))
		err = xasprintf("invalid answer '%s': NEW-NAME '%s' is not a C identifier",
				answer, t.v[0]);
	free(t.buf);
	return err;
}

/* ---- quoting for messages ------------------------------------------------ */

/* Control characters escaped; quotes too when shell_quotes (inside '...'). */
static void sb_add_visible(struct strbuf *sb, const char *s, size_t n, bool shell_quotes)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\'' && shell_quotes)
			sb_adds(sb, "'\\''");
		else if (c < 0x20 || c == 0x7f)
			sb_addf(sb, "\\x%02x", c);
		else
			sb_addc(sb, (char)c);
	}
}

static void sb_add_escaped(struct strbuf *sb, const char *s, size_t n)
{
	sb_add_visible(sb, s, n, true);
}

static bool is_shell_safe(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_./:=+,@%-", *s))
			return false;
	return true;
}

static void sb_add_arg(struct strbuf *sb, const char *s)
{
	if (is_shell_safe(s)) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '\'');
	sb_add_escaped(sb, s, strlen(s));
	sb_addc(sb, '\'');
}

/* 'line' (shortened), for quoting a hook's output in an error. */
static char *quote_line(const char *s, size_t n)
{
	struct strbuf sb = {0};

	sb_addc(&sb, '\'');
	sb_add_escaped(&sb, s, n > MAX_QUOTED ? MAX_QUOTED : n);
	sb_adds(&sb, n > MAX_QUOTED ? "...'" : "'");
	return sb_detach(&sb);
}

/* ---- the policy object and its cache -------------------------------------- */

struct policy {
	char *cmd[HOOK_COUNT];
	struct strlist patched;
	double timeout;
	char *source, *cwd;
	char *const *fact_env;
	const struct sym_facts *facts;	/* policy_set_facts */
	struct strlist sym_env;		/* KLP_CCP_SYM_* of facts */
	struct strlist warned;		/* patched functions warned about */
	struct strlist in_patch;	/* policy_set_patched */
	char *patched_env;		/* KLP_CCP_PATCHED_FUNCTIONS=... */
	struct strlist copied;		/* policy_add_copied */
	bool obj_local, obj_read_only;	/* policy_set_object_kind */
	bool kernel_target;		/* policy_set_kernel_target */
	struct strmap cache;		/* question key -> index in answers */
	struct strlist cache_keys;	/* the keys, owned */
	char **answers;			/* NULL: the hook failed (already reported) */
	size_t n_answers, cap_answers;
};

/* Takes key and answer. */
static void cache_put(struct policy *pol, char *key, char *answer)
{
	strlist_push_owned(&pol->cache_keys, key);
	strmap_put(&pol->cache, key, (int)pol->n_answers);
	*ARRAY_PUSH(pol->answers, pol->n_answers, pol->cap_answers) = answer;
}

/* Index of the cached answer to key, or -1. */
static int cache_get(const struct policy *pol, const char *key)
{
	return strmap_get(&pol->cache, key);
}

/* Unambiguous key: hook number, then each argument with its length. */
/* The object kind is part of the question: same-named objects may differ. */
static char *cache_key(const struct policy *pol, enum hook_id hook, const char *const *args,
		       size_t nargs)
{
	struct strbuf sb = {0};

	sb_addf(&sb, "%d", (int)hook);
	if (hook == HOOK_SHALL_EXTERNALIZE_OBJ)
		sb_addf(&sb, "/%d%d", pol->obj_local, pol->obj_read_only);
	for (size_t i = 0; i < nargs; i++)
		sb_addf(&sb, "|%zu:%s", strlen(args[i]), args[i]);
	return sb_detach(&sb);
}

struct policy *policy_new(const struct options *opts, const char *source, const char *cwd)
{
	struct policy *pol = xcalloc(1, sizeof(*pol));
	char *here = NULL;

	pol->timeout = DEFAULT_TIMEOUT_S;
	if (opts) {
		for (int i = 0; i < HOOK_COUNT; i++)
			pol->cmd[i] = opts->hook_cmd[i] ? xstrdup(opts->hook_cmd[i]) : NULL;
		for (size_t i = 0; i < opts->n_patched; i++)
			strlist_push(&pol->patched, opts->patched[i]);
		if (opts->hook_timeout > 0)
			pol->timeout = opts->hook_timeout;
	}
	if (!cwd)
		cwd = here = getcwd(NULL, 0);
	pol->source = xstrdup(source ? source : "");
	pol->cwd = xstrdup(cwd ? cwd : ".");
	free(here);
	return pol;
}

void policy_free(struct policy *pol)
{
	if (!pol)
		return;
	for (int i = 0; i < HOOK_COUNT; i++)
		free(pol->cmd[i]);
	strlist_release(&pol->patched);
	strmap_release(&pol->cache);
	strlist_release(&pol->cache_keys);
	for (size_t i = 0; i < pol->n_answers; i++)
		free(pol->answers[i]);
	free(pol->answers);
	strlist_release(&pol->sym_env);
	strlist_release(&pol->warned);
	strlist_release(&pol->in_patch);
	free(pol->patched_env);
	strlist_release(&pol->copied);
	free(pol->source);
	free(pol->cwd);
	free(pol);
}

void policy_set_fact_env(struct policy *pol, char *const *env)
{
	pol->fact_env = env;
}

/* Space-separated list; with kinds, "SYMBOL KIND" entries become SYMBOL:KIND. */
static char *env_list(const char *var, const struct strlist *l, bool kinds)
{
	struct strbuf sb = {0};

	sb_addf(&sb, "%s=", var);
	for (size_t i = 0; i < l->n; i++) {
		size_t start;

		if (i)
			sb_addc(&sb, ' ');
		start = sb.len;
		sb_adds(&sb, l->v[i]);
		if (kinds && strchr(sb.buf + start, ' '))
			*strchr(sb.buf + start, ' ') = ':';
	}
	return sb_detach(&sb);
}

void policy_set_facts(struct policy *pol, const struct sym_facts *f)
{
	struct strlist *env = &pol->sym_env;

	strlist_release(env);
	pol->facts = f;
	if (!f)
		return;
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_NAME=%s", f->name));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_PRESENT=%s", f->present ? "yes" : "no"));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_BINDING=%s",
					  f->binding ? f->binding : ""));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_SYMPOS=%u", f->sympos));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_EXPORTED=%s",
					  f->exported ? "yes" : "no"));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_OBJECT=%s", f->object ? f->object : ""));
	strlist_push_owned(env, env_list("KLP_CCP_SYM_CLONES", &f->clones, true));
	strlist_push_owned(env, env_list("KLP_CCP_SYM_INLINED_INTO", &f->inlined_into, false));
	strlist_push_owned(env, env_list("KLP_CCP_SYM_CALLERS_VIA_CLONES",
					 &f->callers_via_clones, false));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_COLD=%s", f->cold ? "yes" : "no"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void policy_set_patched(struct policy *pol, const struct strlist *names)
{
	strlist_release(&pol->in_patch);
	for (size_t i = 0; i < names->n; i++)
		strlist_push(&pol->in_patch, names->v[i]);
	if (pol->in_patch.n)
		qsort(pol->in_patch.v, pol->in_patch.n, sizeof(*pol->in_patch.v), cmp_str);
	free(pol->patched_env);
	pol->patched_env = env_list("KLP_CCP_PATCHED_FUNCTIONS", &pol->in_patch, false);
}

void policy_set_object_kind(struct policy *pol, bool function_scope, bool read_only)
{
	pol->obj_local = function_scope;
	pol->obj_read_only = read_only;
}

void policy_add_copied(struct policy *pol, const char *name)
{
	strlist_push(&pol->copied, name);
}

/* Does l hold sym, with a clone suffix (".isra.0", ".part.0") ignored? */
static bool has_function_of(const struct strlist *l, const char *sym)
{
	size_t n = strcspn(sym, ".");

	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && !strncmp(l->v[i], sym, n))
			return true;
	return false;
}

/*
 * Was it inlined whole into a function whose code the livepatch contains?
 * Not when that function also calls a clone of it: a .part clone is the tail
 * of a partial inlining, which GCC does not repeat for a copy with few
 * callers, so copying would only make lp.c longer.
 */
static bool inlined_into_livepatch(const struct policy *pol, const struct sym_facts *f)
{
	for (size_t i = 0; i < f->inlined_into.n; i++) {
		const char *caller = f->inlined_into.v[i];

		if ((has_function_of(&pol->in_patch, caller) ||
		     has_function_of(&pol->copied, caller)) &&
		    !strlist_contains(&f->callers_via_clones, caller))
			return true;
	}
	return false;
}

/* The facts set for name, or NULL. */
static const struct sym_facts *facts_for(const struct policy *pol, const char *name)
{
	const struct sym_facts *f = pol->facts;

	return f && f->name && !strcmp(f->name, name) ? f : NULL;
}

/* ---- running a hook ------------------------------------------------------ */

struct hook_run {
	struct strbuf out, err;
	bool too_much;		/* a stream exceeded MAX_OUTPUT */
	bool timed_out;
	int status;		/* from waitpid */
	char *sys_error;	/* could not run at all */
};

static bool env_same_name(const char *a, const char *b)
{
	size_t n = strcspn(a, "=");

	return !strncmp(a, b, n) && b[n] == '=';
}

static bool env_overridden(const char *entry, char *const *over, size_t n_over)
{
	for (size_t i = 0; i < n_over; i++)
		if (env_same_name(over[i], entry))
			return true;
	return false;
}

/* Array of borrowed strings. */
struct ptrvec {
	char **v;
	size_t n, cap;
};

/* Overrides: fact entries (with '=') followed by klp-ccp's own three. */
static void collect_overrides(struct policy *pol, struct strlist *own, struct ptrvec *over)
{
	for (char *const *f = pol->fact_env; f && *f; f++)
		if (strchr(*f, '=') && !env_overridden(*f, own->v, own->n) &&
		    !env_overridden(*f, pol->sym_env.v, pol->sym_env.n))
			*ARRAY_PUSH(over->v, over->n, over->cap) = *f;
	for (size_t i = 0; i < pol->sym_env.n; i++)
		if (!env_overridden(pol->sym_env.v[i], own->v, own->n))
			*ARRAY_PUSH(over->v, over->n, over->cap) = pol->sym_env.v[i];
	for (size_t i = 0; i < own->n; i++)
		*ARRAY_PUSH(over->v, over->n, over->cap) = own->v[i];
}

/* envp for the hook; its strings belong to environ, the facts and own. */
static char **build_env(struct policy *pol, enum hook_id hook, struct strlist *own)
{
	struct ptrvec over = {0}, env = {0};

	strlist_push_owned(own, xasprintf("KLP_CCP_SOURCE=%s", pol->source));
	strlist_push_owned(own, xasprintf("KLP_CCP_CWD=%s", pol->cwd));
	strlist_push_owned(own, xasprintf("KLP_CCP_HOOK=%s", hook_name(hook)));
	if (hook == HOOK_SHALL_EXTERNALIZE_OBJ) {
		strlist_push(own, pol->obj_local ? "KLP_CCP_OBJ_SCOPE=function" :
						   "KLP_CCP_OBJ_SCOPE=file");
		strlist_push(own, pol->obj_read_only ? "KLP_CCP_OBJ_READONLY=yes" :
						       "KLP_CCP_OBJ_READONLY=no");
	}
	if (pol->patched_env) {
		strlist_push(own, pol->patched_env);
		strlist_push_owned(own, env_list("KLP_CCP_COPIED_FUNCTIONS", &pol->copied, false));
	}
	collect_overrides(pol, own, &over);
	for (char **e = environ; e && *e; e++)
		if (!env_overridden(*e, over.v, over.n))
			*ARRAY_PUSH(env.v, env.n, env.cap) = *e;
	for (size_t i = 0; i < over.n; i++)
		*ARRAY_PUSH(env.v, env.n, env.cap) = over.v[i];
	*ARRAY_PUSH(env.v, env.n, env.cap) = NULL;
	free(over.v);
	return env.v;
}

static char **build_argv(const char *script, const char *const *args, size_t nargs)
{
	char **argv = xcalloc(nargs + 5, sizeof(*argv));

	argv[0] = "sh";
	argv[1] = "-c";
	argv[2] = (char *)script;
	argv[3] = "klp-ccp";
	for (size_t i = 0; i < nargs; i++)
		argv[4 + i] = (char *)args[i];
	return argv;
}

static void child_fail(const char *what)
{
	if (write(2, what, strlen(what)) < 0)
		_exit(127);
	_exit(127);
}

/* In the forked child: only async-signal-safe calls. */
static void child_exec(int devnull, int out_fd, int err_fd, char **argv, char **envp)
{
	struct sigaction sa;
	sigset_t none;

	setpgid(0, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (dup2(devnull, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
		child_fail("klp-ccp: cannot set up the hook's standard streams\n");
	execve("/bin/sh", argv, envp);
	child_fail("klp-ccp: cannot execute /bin/sh\n");
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads what is available on fd; returns false at end of file or error. */
static bool drain(int fd, struct strbuf *sb, bool *too_much)
{
	char buf[65536];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return false;
	if (sb->len + (size_t)n > MAX_OUTPUT)
		*too_much = true;
	else
		sb_addn(sb, buf, (size_t)n);
	return true;
}

static int poll_timeout(int64_t deadline)
{
	int64_t left = deadline - now_ms();

	if (left <= 0)
		return 0;
	return left > 60000 ? 60000 : (int)left;
}

static int64_t deadline_after(double timeout)
{
	double ms = timeout * 1000.0;

	return now_ms() + (ms > 1e12 ? (int64_t)1e12 : (int64_t)ms + 1);
}

/* Reads both pipes until both are closed or the deadline passes. */
static void collect_output(struct hook_run *run, int out_fd, int err_fd, int64_t deadline)
{
	struct pollfd p[2] = { { out_fd, POLLIN, 0 }, { err_fd, POLLIN, 0 } };
	int r;

	while (p[0].fd >= 0 || p[1].fd >= 0) {
		if (now_ms() >= deadline) {
			run->timed_out = true;
			return;
		}
		r = poll(p, 2, poll_timeout(deadline));
		if (r < 0 && errno != EINTR) {
			run->sys_error = xasprintf("poll: %s", strerror(errno));
			return;
		}
		for (int i = 0; i < 2 && r > 0; i++)
			if (p[i].fd >= 0 && p[i].revents &&
			    !drain(p[i].fd, i ? &run->err : &run->out, &run->too_much))
				p[i].fd = -1;
	}
}

/* 0 when pid has not exited yet, 1 when it has, -1 on error. */
static int try_wait(struct hook_run *run, pid_t pid, bool block)
{
	pid_t r;

	do
		r = waitpid(pid, &run->status, block ? 0 : WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r < 0 && !run->sys_error)
		run->sys_error = xasprintf("waitpid: %s", strerror(errno));
	return r < 0 ? -1 : r > 0;
}

/* Waits for the hook (it may have closed its output but go on running). */
static void reap(struct hook_run *run, pid_t pid, int64_t deadline)
{
	struct timespec tick = { 0, 100000 };	/* 0.1 ms, doubled up to 25.6 ms */

	while (!run->timed_out && !run->sys_error && !try_wait(run, pid, false)) {
		if (now_ms() >= deadline)
			run->timed_out = true;
		nanosleep(&tick, NULL);
		if (tick.tv_nsec < 25600000)
			tick.tv_nsec *= 2;
	}
	if (!run->timed_out && !run->sys_error)
		return;
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	try_wait(run, pid, true);
}

static void close_fds(int *fds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

/* Moves fd above the standard streams, so the child's dup2()s are safe. */
static int high_fd(int fd)
{
	int h;

	if (fd < 0 || fd > 2)
		return fd;
	h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return h;
}

/* fds: devnull, out read, out write, err read, err write; all >= 3. */
static bool open_fds(int fds[5], struct hook_run *run)
{
	fds[0] = high_fd(open("/dev/null", O_RDONLY | O_CLOEXEC));
	if (fds[0] < 0) {
		run->sys_error = xasprintf("cannot open /dev/null: %s", strerror(errno));
		return false;
	}
	if (pipe2(fds + 1, O_CLOEXEC) < 0 || pipe2(fds + 3, O_CLOEXEC) < 0) {
		run->sys_error = xasprintf("cannot create pipes: %s", strerror(errno));
		return false;
	}
	for (int i = 1; i < 5; i++) {
		fds[i] = high_fd(fds[i]);
		if (fds[i] < 0) {
			run->sys_error = xasprintf("cannot move pipes: %s", strerror(errno));
			return false;
		}
	}
	return true;
}

/* Process group of the hook running now, for policy_kill_running_hook(). */
static volatile pid_t running_hook;

void policy_kill_running_hook(void)
{
	pid_t pid = running_hook;

	if (pid > 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, NULL, 0);	/* no zombie left to an init that may not reap */
	}
}

static void spawn(struct hook_run *run, char **argv, char **envp, double timeout)
{
	int fds[5] = { -1, -1, -1, -1, -1 };
	int64_t deadline;
	pid_t pid;

	if (!open_fds(fds, run)) {
		close_fds(fds, 5);
		return;
	}
	pid = fork();
	if (pid == 0)
		child_exec(fds[0], fds[2], fds[4], argv, envp);
	if (pid < 0) {
		run->sys_error = xasprintf("fork: %s", strerror(errno));
		close_fds(fds, 5);
		return;
	}
	setpgid(pid, pid);	/* also in the child: no race either way */
	running_hook = pid;
	close(fds[0]);
	close(fds[2]);
	close(fds[4]);
	deadline = deadline_after(timeout);
	collect_output(run, fds[1], fds[3], deadline);
	close(fds[1]);
	close(fds[3]);
	reap(run, pid, deadline);
	running_hook = 0;
}

static void run_hook(struct policy *pol, enum hook_id hook, const char *const *args,
		     size_t nargs, struct hook_run *run)
{
	struct strlist own = {0};
	char *script = xasprintf("%s \"$@\"", pol->cmd[hook]);
	char **argv = build_argv(script, args, nargs);
	char **envp = build_env(pol, hook, &own);

	fflush(NULL);	/* nothing buffered may be written twice */
	spawn(run, argv, envp, pol->timeout);
	free(envp);
	free(argv);
	free(script);
	strlist_release(&own);
}

static void hook_run_release(struct hook_run *run)
{
	sb_release(&run->out);
	sb_release(&run->err);
	free(run->sys_error);
}

/* ---- judging a hook's output --------------------------------------------- */

struct hook_msg {
	bool is_error;
	char *text;
};

struct verdict {
	char *failure;		/* NULL: success */
	char *answer;		/* the RESULT text */
	struct hook_msg *msgs;	/* WARNING:/ERROR: lines, in order */
	size_t n_msgs, cap_msgs;
};

static void verdict_release(struct verdict *v)
{
	free(v->failure);
	free(v->answer);
	for (size_t i = 0; i < v->n_msgs; i++)
		free(v->msgs[i].text);
	free(v->msgs);
}

static char *status_failure(const struct hook_run *run, double timeout)
{
	if (run->sys_error)
		return xasprintf("could not run: %s", run->sys_error);
	if (run->timed_out)
		return xasprintf("timed out after %g s (see --pol-cmd-timeout)", timeout);
	if (WIFSIGNALED(run->status))
		return xasprintf("killed by signal %d (%s)", WTERMSIG(run->status),
				 strsignal(WTERMSIG(run->status)));
	if (WIFEXITED(run->status) && WEXITSTATUS(run->status))
		return xasprintf("exited with status %d", WEXITSTATUS(run->status));
	if (run->too_much)
		return xasprintf("wrote more than %d bytes of output", MAX_OUTPUT);
	return NULL;
}

static char *stderr_failure(const struct strbuf *err)
{
	size_t n;
	char *q, *msg;

	if (!err->len)
		return NULL;
	n = strcspn(err->buf, "\n");
	q = quote_line(err->buf, n > err->len ? err->len : n);
	msg = xasprintf("wrote to standard error: %s", q);
	free(q);
	return msg;
}

static const char *after_tag(const char *line, const char *tag)
{
	size_t n = strlen(tag);

	if (strncmp(line, tag, n))
		return NULL;
	line += n;
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

static char *trimmed(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* One line of standard output (NUL terminated, no newline). */
static void judge_line(struct verdict *v, const char *line, size_t len)
{
	const char *rest;
	char *q;

	if (strlen(line) != len) {
		rest = NULL;	/* embedded NUL byte */
	} else if ((rest = after_tag(line, "RESULT:"))) {
		if (v->answer)
			v->failure = xstrdup("more than one RESULT line");
		else
			v->answer = trimmed(rest);
		return;
	} else if ((rest = after_tag(line, "WARNING:")) || (rest = after_tag(line, "ERROR:"))) {
		struct hook_msg *m = ARRAY_PUSH(v->msgs, v->n_msgs, v->cap_msgs);

		m->is_error = line[0] == 'E';
		m->text = trimmed(rest);
		return;
	}
	q = quote_line(line, len);
	v->failure = xasprintf("unexpected output line %s", q);
	free(q);
}

static void judge_stdout(struct verdict *v, const struct strbuf *out)
{
	const char *p = out->buf, *end = out->buf + out->len;

	while (p && p < end && !v->failure) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		char *line = xstrndup(p, len);

		judge_line(v, line, len);
		free(line);
		p = nl ? nl + 1 : end;
	}
	if (!v->failure && !v->answer)
		v->failure = xstrdup("no RESULT line");
}

static void judge(struct verdict *v, enum hook_id hook, const struct hook_run *run,
		  double timeout)
{
	v->failure = status_failure(run, timeout);
	if (!v->failure)
		v->failure = stderr_failure(&run->err);
	if (!v->failure)
		judge_stdout(v, &run->out);
	if (!v->failure)
		v->failure = check_answer(hook, v->answer);
}

char *policy_judge_output(enum hook_id hook, const char *out, size_t len, char **answer)
{
	struct verdict v = {0};
	struct strbuf sb = { (char *)out, len, len };
	char *failure;

	judge_stdout(&v, &sb);
	if (!v.failure)
		v.failure = check_answer(hook, v.answer);
	failure = v.failure;
	v.failure = NULL;
	*answer = failure ? NULL : v.answer;
	if (!failure)
		v.answer = NULL;
	verdict_release(&v);
	return failure;
}

/* ---- asking -------------------------------------------------------------- */

static void report_failure(struct policy *pol, enum hook_id hook, const char *const *args,
			   size_t nargs, const char *failure)
{
	struct strbuf sb = {0};

	sb_addc(&sb, '\'');
	sb_add_escaped(&sb, pol->cmd[hook], strlen(pol->cmd[hook]));
	sb_addc(&sb, '\'');
	for (size_t i = 0; i < nargs; i++) {
		sb_addc(&sb, ' ');
		sb_add_arg(&sb, args[i]);
	}
	diag_error("hook %s (%s) failed: %s", hook_name(hook), sb.buf, failure);
	sb_release(&sb);
}

static void report_msg(enum hook_id hook, const struct src_loc *loc, const struct hook_msg *m)
{
	struct strbuf sb = {0};
	const char *name = hook_name(hook), *text;

	/* the hook's own words: quotes are text, not shell quoting */
	sb_add_visible(&sb, m->text, strlen(m->text), false);
	text = sb.buf ? sb.buf : "";
	if (loc && loc->file && m->is_error)
		diag_error_at(loc->file, loc->line, loc->col, "%s: %s", name, text);
	else if (loc && loc->file)
		diag_warning_at(loc->file, loc->line, loc->col, "%s: %s", name, text);
	else if (m->is_error)
		diag_error("%s: %s", name, text);
	else
		diag_warning("%s: %s", name, text);
	sb_release(&sb);
}

/* Runs the hook and judges it; returns the answer (owned) or NULL. */
static char *consult(struct policy *pol, enum hook_id hook, const char *const *args,
		     size_t nargs, const struct src_loc *loc)
{
	struct hook_run run = {0};
	struct verdict v = {0};
	char *answer = NULL;

	run_hook(pol, hook, args, nargs, &run);
	judge(&v, hook, &run, pol->timeout);
	if (v.failure) {
		report_failure(pol, hook, args, nargs, v.failure);
	} else {
		for (size_t i = 0; i < v.n_msgs; i++)
			report_msg(hook, loc, &v.msgs[i]);
		answer = v.answer;
		v.answer = NULL;
	}
	verdict_release(&v);
	hook_run_release(&run);
	return answer;
}

/* The hook's (cached) answer; -1 when it failed (reported once). */
static int ask(struct policy *pol, enum hook_id hook, const char *const *args, size_t nargs,
	       const struct src_loc *loc, const char **answer)
{
	char *key = cache_key(pol, hook, args, nargs);
	int cached = cache_get(pol, key);
	char *fresh;

	if (cached >= 0) {
		free(key);
		*answer = pol->answers[cached];
		return *answer ? 0 : -1;
	}
	fresh = consult(pol, hook, args, nargs, loc);
	cache_put(pol, key, fresh);
	*answer = fresh;
	return fresh ? 0 : -1;
}

static int ask_bool(struct policy *pol, enum hook_id hook, const char *const *args,
		    size_t nargs, const struct src_loc *loc, bool *result)
{
	const char *answer;

	if (ask(pol, hook, args, nargs, loc, &answer) < 0)
		return -1;
	*result = !strcmp(answer, "YES");
	return 0;
}

/* answer is valid (check_answer). */
static void parse_sym_answer(const char *answer, struct sym_mod *mod)
{
	struct tokens t;

	tokenize(answer, &t);
	mod->new_name = xstrdup(t.v[0]);
	mod->linkage = (enum linkage_change)linkage_of(t.v[1]);
	mod->make_pointer = t.n == 3;
	free(t.buf);
}

static int ask_sym(struct policy *pol, enum hook_id hook, const char *const *args,
		   size_t nargs, const struct src_loc *loc, struct sym_mod *mod)
{
	const char *answer;

	if (ask(pol, hook, args, nargs, loc, &answer) < 0)
		return -1;
	parse_sym_answer(answer, mod);
	return 0;
}

/* ---- the questions ------------------------------------------------------- */

static char *renamed(const char *prefix, const char *name, unsigned retry)
{
	if (!retry)
		return xasprintf("%s%s", prefix, name);
	return xasprintf("%s%s%u", prefix, name, retry);
}

static void set_sym_mod(struct sym_mod *mod, char *new_name, enum linkage_change linkage)
{
	mod->new_name = new_name;
	mod->linkage = linkage;
	mod->make_pointer = false;
}

/* "a, b, c" */
static char *joined(const struct strlist *l, bool first_word)
{
	struct strbuf sb = {0};

	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sb_adds(&sb, ", ");
		sb_addn(&sb, l->v[i], first_word ? strcspn(l->v[i], " ") : strlen(l->v[i]));
	}
	return sb_detach(&sb);
}

static void warn_at(const struct src_loc *loc, const char *msg)
{
	if (loc && loc->file)
		diag_warning_at(loc->file, loc->line, loc->col, "%s", msg);
	else
		diag_warning("%s", msg);
}

/* A patched function whose old code lives on elsewhere in the target. */
void policy_warn_patched(struct policy *pol, const char *name, const struct src_loc *loc)
{
	const struct sym_facts *f = facts_for(pol, name);
	const char *obj = f && f->object ? f->object : "the target";
	char *list, *msg;

	if (!f || strlist_contains(&pol->warned, name))
		return;
	strlist_push(&pol->warned, name);
	if (f->init) {
		msg = xasprintf("patched function '%s' is in .init.text in %s: it ran once at boot or load and its code is gone; a livepatch cannot change what it did",
				name, obj);
		warn_at(loc, msg);
		free(msg);
	}
	if (f->inlined_into.n) {
		list = joined(&f->inlined_into, false);
		msg = xasprintf("patched function '%s' is inlined into %s in %s: "
				"patch those too", name, list, obj);
		warn_at(loc, msg);
		free(msg);
		free(list);
	}
	if (f->callers_via_clones.n) {
		char *clones = joined(&f->clones, true);

		list = joined(&f->callers_via_clones, false);
		msg = xasprintf("patched function '%s' %s clones in %s (%s) called from %s: "
				"patch those too", name, f->present ? "also has" : "exists only as",
				obj, clones, list);
		free(clones);
		warn_at(loc, msg);
		free(msg);
		free(list);
	}
}

int policy_is_patched(struct policy *pol, const char *name,
		      const struct src_loc *loc, bool *answer)
{
	const char *args[] = { name };
	int rc = 0;

	if (strlist_contains(&pol->patched, name) || !pol->cmd[HOOK_IS_PATCHED])
		*answer = strlist_contains(&pol->patched, name);
	else
		rc = ask_bool(pol, HOOK_IS_PATCHED, args, 1, loc, answer);
	if (!rc && *answer)
		policy_warn_patched(pol, name, loc);
	return rc;
}

void policy_set_kernel_target(struct policy *pol, bool kernel)
{
	pol->kernel_target = kernel;
}

/*
 * A kernel's shared headers live under include/ directories (include/,
 * arch/x86/include/, the compiler's); headers beside the sources are local
 * to a subsystem: copied from, as policies/kernel does.
 */
static bool under_include_dir(const char *header)
{
	return !strncmp(header, "include/", 8) || strstr(header, "/include/");
}

int policy_may_include_header(struct policy *pol, const char *header, bool pre_include,
			      bool *answer)
{
	const char *args[] = { header, "pre-include" };
	struct src_loc loc = { header, 0, 0 };

	if (!pol->cmd[HOOK_MAY_INCLUDE_HEADER]) {
		*answer = !pol->kernel_target || under_include_dir(header);
		return 0;
	}
	return ask_bool(pol, HOOK_MAY_INCLUDE_HEADER, args, pre_include ? 2 : 1, &loc, answer);
}

int policy_can_externalize_fun(struct policy *pol, const char *name, const char *def_linkage,
			       const char *def_location, const struct src_loc *loc, bool *answer)
{
	const char *args[] = { name, def_linkage, def_location ? def_location : "" };
	const struct sym_facts *f = facts_for(pol, name);

	if (!pol->cmd[HOOK_CAN_EXTERNALIZE_FUN]) {
		/* absent or clone-only: nothing to bind to, copy the definition */
		*answer = !f || f->present || f->exported || !def_linkage;
		return 0;
	}
	return ask_bool(pol, HOOK_CAN_EXTERNALIZE_FUN, args, def_linkage ? 3 : 1, loc, answer);
}

int policy_shall_externalize_fun(struct policy *pol, const char *name, bool from_header,
				 const struct src_loc *loc, bool *answer)
{
	const char *args[] = { name, "from-header" };
	const struct sym_facts *f = facts_for(pol, name);

	if (!pol->cmd[HOOK_SHALL_EXTERNALIZE_FUN]) {
		if (from_header)
			*answer = false;	/* it comes with the header */
		else if (f && inlined_into_livepatch(pol, f))
			*answer = false;
		else if (f && f->exported)
			*answer = true;
		else if (f && !f->present)
			*answer = false;
		else
			*answer = true;
		return 0;
	}
	return ask_bool(pol, HOOK_SHALL_EXTERNALIZE_FUN, args, from_header ? 2 : 1, loc,
			answer);
}

int policy_shall_externalize_obj(struct policy *pol, const char *name,
				 const struct src_loc *loc, bool *answer)
{
	const char *args[] = { name };

	if (!pol->cmd[HOOK_SHALL_EXTERNALIZE_OBJ]) {
		*answer = !(pol->obj_local && pol->obj_read_only);
		return 0;
	}
	return ask_bool(pol, HOOK_SHALL_EXTERNALIZE_OBJ, args, 1, loc, answer);
}

int policy_modify_externalized_sym(struct policy *pol, bool is_function, const char *name,
				   unsigned retry, const struct src_loc *loc, struct sym_mod *mod)
{
	char num[16];
	const char *args[] = { is_function ? "function" : "object", name, num };

	if (!pol->cmd[HOOK_MODIFY_EXTERNALIZED_SYM]) {
		set_sym_mod(mod, xstrdup(name), LINKAGE_MAKE_EXTERNAL);
		return 0;
	}
	snprintf(num, sizeof(num), "%u", retry);
	return ask_sym(pol, HOOK_MODIFY_EXTERNALIZED_SYM, args, 3, loc, mod);
}

int policy_modify_patched_fun_sym(struct policy *pol, const char *name, unsigned retry,
				  const struct src_loc *loc, struct sym_mod *mod)
{
	char num[16];
	const char *args[] = { name, num };

	if (!pol->cmd[HOOK_MODIFY_PATCHED_FUN_SYM]) {
		set_sym_mod(mod, renamed("klpp_", name, retry), LINKAGE_MAKE_EXTERNAL);
		return 0;
	}
	snprintf(num, sizeof(num), "%u", retry);
	return ask_sym(pol, HOOK_MODIFY_PATCHED_FUN_SYM, args, 2, loc, mod);
}

int policy_rename_rewritten_fun(struct policy *pol, const char *name, unsigned retry,
				const struct src_loc *loc, char **new_name)
{
	char num[16];
	const char *args[] = { name, num };
	const char *answer;

	if (!pol->cmd[HOOK_RENAME_REWRITTEN_FUN]) {
		*new_name = renamed("klpr_", name, retry);
		return 0;
	}
	snprintf(num, sizeof(num), "%u", retry);
	if (ask(pol, HOOK_RENAME_REWRITTEN_FUN, args, 2, loc, &answer) < 0)
		return -1;
	*new_name = xstrdup(answer);
	return 0;
}
