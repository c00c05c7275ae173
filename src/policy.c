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
 *                            is there to copy; YES when exported;
 *                            without facts, closure.c answers NO itself for
 *                            a static function the original compiled has no
 *                            symbol of: own_facts.c)
 *   shall-externalize-fun    NAME [from-header]                 YES, NO when from-header
 *                            (NO when from-header, even when exported; without
 *                            facts NO for a static inline of a refused header;
 *                            with facts, as policies/kernel: NO when inlined
 *                            (whole, or its head when split: .part) into a
 *                            patched or copied function, so the copy can be
 *                            inlined as in the original; NO for a small
 *                            self-contained one not declared noinline (but
 *                            for noinline_for_stack) that
 *                            lp.c's code names (not only a header),
 *                            policy_ipa_copy(); else
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
 *                            (a kernel target: tracepoint internals refused)
 *                            (klpp_NAME<RETRY> when RETRY > 0, e.g. klpp_foo1)
 *   rename-rewritten-fun     NAME RETRY                         klpr_NAME
 *                            (klpr_NAME<RETRY> when RETRY > 0)
 *
 * is-patched with both -I and --patched-functions: a name in the list is
 * patched without asking; the hook is asked about every other name.
 *
 * Running a hook: hook_spawn.c (posix_spawn, directly for a plain CMD, else
 * /bin/sh -c 'CMD "$@"'; own process group, stdin /dev/null, time and output
 * limits), or a question to the policy server (pol_server.c) for the hooks
 * it answers. The environment (the server: the question) is klp-ccp's plus
 * KLP_CCP_SOURCE, KLP_CCP_CWD, KLP_CCP_HOOK, KLP_CCP_PATCHED_FUNCTIONS (once
 * policy_set_patched() was called: the patched functions, space-separated,
 * sorted), KLP_CCP_COPIED_FUNCTIONS (with it: the functions copied so far, in
 * the order decided), for shall-externalize-obj KLP_CCP_OBJ_SCOPE
 * (function|file) and KLP_CCP_OBJ_READONLY (yes|no), for shall-externalize-fun
 * KLP_CCP_FUN_NOINLINE (yes|no: declared noinline),
 * KLP_CCP_FUN_NOINLINE_FOR_STACK (yes|no: declared noinline only by the
 * kernel's noinline_for_stack, to keep its stack frame out of its callers'),
 * KLP_CCP_FUN_NAMED_BY
 * (code|header: what lp.c's code names, or what an included header's code
 * names before its #include) and KLP_CCP_FUN_VISIBLE (yes|no: declared
 * __visible, or named by a macro), the policy_set_fact_env()
 * entries and the policy_set_facts() ones (entries of 64 KiB or more as
 * NAME_FILE=PATH):
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
 *   KLP_CCP_SYM_SELF_CONTAINED        yes|no: its code calls no function of its
 *                                     (relocatable) object; empty when unknown
 *   KLP_CCP_SYM_SIZE                  bytes of its code, 0 when unknown
 *   KLP_CCP_SYM_TREE_SIZE             bytes of its code and of its callees' in
 *                                     its object, transitively; 0 when unknown
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
#include "klp-ccp/hook_spawn.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/pol_server.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/util.h"

#define DEFAULT_TIMEOUT_S	30.0
#define MAX_QUOTED		200		/* characters of a quoted line */
#define MAX_MESSAGE		1000		/* of a WARNING:/ERROR: line's text */
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

static char *quote_line(const char *s, size_t n);

/* NULL when answer is valid for hook, else what is wrong (allocated). */
static char *check_answer(enum hook_id hook, const char *answer)
{
	enum answer_kind kind = answer_kinds[hook];
	struct tokens t;
	char *err = NULL, *q;

	tokenize(answer, &t);
	q = quote_line(answer, strlen(answer));
	if (!answer_shape_ok(kind, &t)) {
		err = xasprintf("invalid answer %s (expected %s)", q, expected_answer[kind]);
	} else if (kind != ANS_BOOL && (!is_c_identifier(t.v[0]) || is_keyword(t.v[0]))) {
		char *qn = quote_line(t.v[0], strlen(t.v[0]));

		err = xasprintf("invalid answer %s: NEW-NAME %s is not a C identifier", q, qn);
		free(qn);
	}
	free(q);
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

/* An argument in a message: quoted when needed, shortened when long. */
static void sb_add_arg(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);

	if (is_shell_safe(s) && n <= MAX_QUOTED) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '\'');
	sb_add_escaped(sb, s, n > MAX_QUOTED ? MAX_QUOTED : n);
	sb_adds(sb, n > MAX_QUOTED ? "...'" : "'");
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
	struct strlist sym_env;		/* KLP_CCP_SYM_* of facts (sym_env_of) */
	bool sym_env_built;
	struct strlist in_patch;	/* policy_set_patched */
	char *patched_env;		/* KLP_CCP_PATCHED_FUNCTIONS=... */
	struct strlist copied;		/* policy_add_copied */
	bool obj_local, obj_read_only;	/* policy_set_object_kind */
	bool fun_noinline, fun_for_stack, fun_for_header, fun_visible;	/* policy_set_function_kind */
	bool kernel_target;		/* policy_set_kernel_target */
	bool kernel_unit;		/* policy_set_kernel_unit */
	struct pol_server *server;	/* --pol-server, or NULL */
	bool via_server[HOOK_COUNT];	/* cmd[hook] is the server's */
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

static int start_server(struct policy *pol, const char *cmd);

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
	if (opts && opts->pol_server && start_server(pol, opts->pol_server)) {
		policy_free(pol);
		return NULL;
	}
	return pol;
}

void policy_free(struct policy *pol)
{
	if (!pol)
		return;
	pol_server_stop(pol->server);
	hook_env_files_remove();
	for (int i = 0; i < HOOK_COUNT; i++)
		free(pol->cmd[i]);
	strlist_release(&pol->patched);
	strmap_release(&pol->cache);
	strlist_release(&pol->cache_keys);
	for (size_t i = 0; i < pol->n_answers; i++)
		free(pol->answers[i]);
	free(pol->answers);
	strlist_release(&pol->sym_env);
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
	strlist_release(&pol->sym_env);
	pol->sym_env_built = false;
	pol->facts = f;
}

/*
 * The KLP_CCP_SYM_* entries of the facts set, made when a hook is asked:
 * the closure sets the facts of every entity it decides, most of which the
 * built-in defaults answer.
 */
static const struct strlist *sym_env_of(struct policy *pol)
{
	struct strlist *env = &pol->sym_env;
	const struct sym_facts *f = pol->facts;

	if (pol->sym_env_built || !f)
		return env;
	pol->sym_env_built = true;
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
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_SELF_CONTAINED=%s",
					  f->self_contained < 0 ? "" :
					  f->self_contained ? "yes" : "no"));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_SIZE=%llu",
					  (unsigned long long)f->code_size));
	strlist_push_owned(env, xasprintf("KLP_CCP_SYM_TREE_SIZE=%llu",
					  (unsigned long long)f->tree_size));
	return env;
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

void policy_set_function_kind(struct policy *pol, bool noinline, bool for_stack, bool for_header,
			      bool visible)
{
	pol->fun_noinline = noinline;
	pol->fun_for_stack = noinline && for_stack;
	pol->fun_visible = visible;
	pol->fun_for_header = for_header;
}

void policy_add_copied(struct policy *pol, const char *name)
{
	strlist_push(&pol->copied, name);
}

/* Does a clone entry's symbol have the word .KIND. in its suffix? */
static bool clone_has_word(const char *entry, const char *kind)
{
	size_t len = strcspn(entry, " "), base = strcspn(entry, "."), n = strlen(kind);

	for (size_t i = base; i + n + 1 <= len; i++)
		if (entry[i] == '.' && !strncmp(entry + i + 1, kind, n) &&
		    (entry[i + 1 + n] == '.' || i + 1 + n == len))
			return true;
	return false;
}

bool policy_specialized(const struct sym_facts *f)
{
	for (size_t i = 0; i < f->clones.n; i++)
		if (clone_has_word(f->clones.v[i], "constprop"))
			return true;
	return false;
}

bool policy_partially_inlined(const struct sym_facts *f)
{
	bool part = false;

	for (size_t i = 0; i < f->clones.n; i++) {
		if (clone_has_word(f->clones.v[i], "isra"))
			return false;
		part |= clone_has_word(f->clones.v[i], "part");
	}
	return part;
}

bool policy_only_cold_clones(const struct sym_facts *f)
{
	size_t n = strlen(f->name);

	/* "NAME.cold cold": not "NAME.constprop.0.cold" */
	for (size_t i = 0; i < f->clones.n; i++)
		if (strncmp(f->clones.v[i], f->name, n) || strcmp(f->clones.v[i] + n, ".cold cold"))
			return false;
	return true;
}

bool policy_ipa_copy(const struct sym_facts *f, bool visible)
{
	uint64_t max = 0;

	if (f->binding && !strcmp(f->binding, "local"))
		max = POLICY_IPA_COPY_MAX;
	else if (f->binding && !strcmp(f->binding, "global") && !visible)
		max = POLICY_IPA_COPY_GLOBAL_MAX;
	return f->present && f->tree_size && f->tree_size <= max && policy_only_cold_clones(f);
}

bool policy_has_function_of(const struct strlist *l, const char *sym)
{
	size_t n = strcspn(sym, ".");

	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && !strncmp(l->v[i], sym, n))
			return true;
	return false;
}

/*
 * Was it inlined into a function whose code the livepatch contains? Whole,
 * or its head when GCC split it (partial inlining: the caller also calls
 * its .part clone), which a copy with external linkage repeats (naming.c).
 * Not when that function calls another clone of it (.isra, .constprop):
 * GCC would not repeat that for a copy with few callers.
 */
static bool inlined_into_livepatch(const struct policy *pol, const struct sym_facts *f)
{
	bool split = policy_partially_inlined(f);

	for (size_t i = 0; i < f->inlined_into.n; i++) {
		const char *caller = f->inlined_into.v[i];

		if ((policy_has_function_of(&pol->in_patch, caller) ||
		     policy_has_function_of(&pol->copied, caller)) &&
		    (split || !strlist_contains(&f->callers_via_clones, caller)))
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

/*
 * Whether entry (NAME=VALUE) has the name of one of over's entries (NAME=...
 * or NAME). The entry's name is measured once: build_env() asks this for
 * each of klp-ccp's environment entries of each of the hundreds of
 * questions, and most differ from every KLP_CCP_ entry at the first byte.
 */
static bool env_overridden(const char *entry, char *const *over, size_t n_over)
{
	size_t n = strcspn(entry, "=");

	if (entry[n] != '=')
		return false;
	for (size_t i = 0; i < n_over; i++)
		if (!strncmp(over[i], entry, n) && (over[i][n] == '=' || !over[i][n]))
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
	const struct strlist *sym = sym_env_of(pol);

	for (char *const *f = pol->fact_env; f && *f; f++)
		if (strchr(*f, '=') && !env_overridden(*f, own->v, own->n) &&
		    !env_overridden(*f, sym->v, sym->n))
			*ARRAY_PUSH(over->v, over->n, over->cap) = *f;
	for (size_t i = 0; i < sym->n; i++)
		if (!env_overridden(sym->v[i], own->v, own->n))
			*ARRAY_PUSH(over->v, over->n, over->cap) = sym->v[i];
	for (size_t i = 0; i < own->n; i++)
		*ARRAY_PUSH(over->v, over->n, over->cap) = own->v[i];
}

/*
 * The KLP_CCP_* entries of a question (strings of pol, the facts and own),
 * NULL-terminated, *n of them; a list too long for the environment is
 * replaced by NAME_FILE=PATH (hook_env_file). NULL and *failure when that
 * file cannot be written.
 */
static char **question_vars(struct policy *pol, enum hook_id hook, struct strlist *own,
			    size_t *n, char **failure)
{
	struct ptrvec over = {0};

	strlist_push_owned(own, xasprintf("KLP_CCP_SOURCE=%s", pol->source));
	strlist_push_owned(own, xasprintf("KLP_CCP_CWD=%s", pol->cwd));
	strlist_push_owned(own, xasprintf("KLP_CCP_HOOK=%s", hook_name(hook)));
	if (hook == HOOK_SHALL_EXTERNALIZE_OBJ) {
		strlist_push(own, pol->obj_local ? "KLP_CCP_OBJ_SCOPE=function" :
						   "KLP_CCP_OBJ_SCOPE=file");
		strlist_push(own, pol->obj_read_only ? "KLP_CCP_OBJ_READONLY=yes" :
						       "KLP_CCP_OBJ_READONLY=no");
	}
	if (hook == HOOK_SHALL_EXTERNALIZE_FUN) {
		strlist_push(own, pol->fun_noinline ? "KLP_CCP_FUN_NOINLINE=yes" :
						      "KLP_CCP_FUN_NOINLINE=no");
		strlist_push(own, pol->fun_for_stack ? "KLP_CCP_FUN_NOINLINE_FOR_STACK=yes" :
						       "KLP_CCP_FUN_NOINLINE_FOR_STACK=no");
		strlist_push(own, pol->fun_for_header ? "KLP_CCP_FUN_NAMED_BY=header" :
							"KLP_CCP_FUN_NAMED_BY=code");
		strlist_push(own, pol->fun_visible ? "KLP_CCP_FUN_VISIBLE=yes" :
						     "KLP_CCP_FUN_VISIBLE=no");
	}
	if (pol->patched_env) {
		strlist_push(own, pol->patched_env);
		strlist_push_owned(own, env_list("KLP_CCP_COPIED_FUNCTIONS", &pol->copied, false));
	}
	collect_overrides(pol, own, &over);
	for (size_t i = 0; i < over.n; i++) {
		char *entry;

		if (strlen(over.v[i]) < HOOK_ENV_FILE_MIN)
			continue;
		entry = hook_env_file(over.v[i], failure);
		if (!entry) {
			free(over.v);
			return NULL;
		}
		strlist_push_owned(own, entry);
		over.v[i] = entry;
	}
	*n = over.n;
	*ARRAY_PUSH(over.v, over.n, over.cap) = NULL;
	return over.v;
}

/* envp for a hook: klp-ccp's environment, with vars replacing or added. */
static char **build_env(char *const *vars, size_t n)
{
	struct ptrvec env = {0};

	for (char **e = environ; e && *e; e++)
		if (!env_overridden(*e, vars, n))
			*ARRAY_PUSH(env.v, env.n, env.cap) = *e;
	for (size_t i = 0; i < n; i++)
		*ARRAY_PUSH(env.v, env.n, env.cap) = vars[i];
	*ARRAY_PUSH(env.v, env.n, env.cap) = NULL;
	return env.v;
}

static void run_hook(struct policy *pol, enum hook_id hook, const char *const *args,
		     size_t nargs, struct hook_run *run)
{
	struct strlist own = {0};
	size_t n;
	char **vars = question_vars(pol, hook, &own, &n, &run->sys_error);

	if (vars) {
		char **envp = build_env(vars, n);

		hook_run_once(pol->cmd[hook], args, nargs, envp, pol->timeout, run);
		free(envp);
		free(vars);
	}
	strlist_release(&own);
}

void policy_kill_running_hook(void)
{
	hook_kill_all();
	hook_env_files_remove();
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
	if (run->too_much)	/* before the SIGKILL that stopped it */
		return xasprintf("wrote more than %d bytes of output", HOOK_MAX_OUTPUT);
	if (WIFSIGNALED(run->status))
		return xasprintf("killed by signal %d (%s)", WTERMSIG(run->status),
				 strsignal(WTERMSIG(run->status)));
	/* the shell's statuses for a command it cannot run: say which */
	if (WIFEXITED(run->status) && WEXITSTATUS(run->status))
		return xasprintf("exited with status %d%s", WEXITSTATUS(run->status),
				 WEXITSTATUS(run->status) == 127 ? " (command not found)" :
				 WEXITSTATUS(run->status) == 126 ? " (command not executable)" : "");
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

/* Standard error first: what a failing hook says about it explains the rest. */
static void judge_output(struct verdict *v, enum hook_id hook, const struct strbuf *out,
			 const struct strbuf *err)
{
	if (!v->failure)
		v->failure = stderr_failure(err);
	if (!v->failure)
		judge_stdout(v, out);
	if (!v->failure)
		v->failure = check_answer(hook, v->answer);
}

static void ask_process(struct policy *pol, enum hook_id hook, const char *const *args,
			size_t nargs, struct verdict *v)
{
	struct hook_run run = {0};

	run_hook(pol, hook, args, nargs, &run);
	v->failure = status_failure(&run, pol->timeout);
	judge_output(v, hook, &run.out, &run.err);
	hook_run_release(&run);
}

static void ask_server(struct policy *pol, enum hook_id hook, const char *const *args,
		       size_t nargs, struct verdict *v)
{
	struct strlist own = {0};
	struct strbuf out = {0}, err = {0};
	size_t n;
	char **vars = question_vars(pol, hook, &own, &n, &v->failure);

	if (vars)
		v->failure = pol_server_ask(pol->server, vars, n, hook, args, nargs, &out, &err);
	judge_output(v, hook, &out, &err);
	free(vars);
	strlist_release(&own);
	sb_release(&out);
	sb_release(&err);
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
	size_t len = strlen(m->text);

	/* the hook's own words: quotes are text, not shell quoting */
	sb_add_visible(&sb, m->text, len > MAX_MESSAGE ? MAX_MESSAGE : len, false);
	if (len > MAX_MESSAGE)
		sb_adds(&sb, "...");
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

/*
 * --pol-server: started once, with klp-ccp's environment plus KLP_CCP_SOURCE
 * and KLP_CCP_CWD; the hooks its HOOKS: line names are asked of it, except
 * those given a command of their own.
 */
static int start_server(struct policy *pol, const char *cmd)
{
	char *vars[2] = { xasprintf("KLP_CCP_SOURCE=%s", pol->source),
			  xasprintf("KLP_CCP_CWD=%s", pol->cwd) };
	char **envp = build_env(vars, 2);
	struct strbuf err = {0}, q = {0};
	char *failure = NULL;

	pol->server = pol_server_start(cmd, envp, pol->timeout, &failure, &err);
	if (!pol->server) {
		if (!failure)
			failure = stderr_failure(&err);
		sb_add_escaped(&q, cmd, strlen(cmd));
		diag_error("policy server ('%s') failed: %s", q.buf ? q.buf : "", failure);
	}
	for (int h = 0; h < HOOK_COUNT; h++)
		if (pol_server_answers(pol->server, h) && !pol->cmd[h]) {
			pol->cmd[h] = xstrdup(cmd);
			pol->via_server[h] = true;
		}
	free(failure);
	sb_release(&err);
	sb_release(&q);
	free(envp);
	free(vars[0]);
	free(vars[1]);
	return pol->server ? 0 : -1;
}

bool policy_asks(const struct policy *pol, enum hook_id hook)
{
	return pol->cmd[hook] != NULL;
}

/* Runs the hook and judges it; returns the answer (owned) or NULL. */
static char *consult(struct policy *pol, enum hook_id hook, const char *const *args,
		     size_t nargs, const struct src_loc *loc)
{
	struct verdict v = {0};
	char *answer = NULL;

	if (pol->via_server[hook])
		ask_server(pol, hook, args, nargs, &v);
	else
		ask_process(pol, hook, args, nargs, &v);
	if (v.failure) {
		report_failure(pol, hook, args, nargs, v.failure);
	} else {
		for (size_t i = 0; i < v.n_msgs; i++)
			report_msg(hook, loc, &v.msgs[i]);
		answer = v.answer;
		v.answer = NULL;
	}
	verdict_release(&v);
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

static void error_at(const struct src_loc *loc, const char *msg)
{
	if (loc && loc->file)
		diag_error_at(loc->file, loc->line, loc->col, "%s", msg);
	else
		diag_error("%s", msg);
}

/*
 * Tracepoint internals TRACE_EVENT generates under CREATE_TRACE_POINTS: the
 * tracepoint machinery calls them through its own tables, and a copy would
 * define the tracepoint a second time (as policies/kernel refuses them).
 */
static bool tracepoint_internal(const char *name)
{
	static const char *const prefixes[] = { "__traceiter_", "__probestub_",
		"trace_event_raw_event_", "perf_trace_", "trace_raw_output_" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static char *tracepoint_refusal(const char *name)
{
	return xasprintf("'%s' is tracepoint code generated by TRACE_EVENT (CREATE_TRACE_POINTS): it cannot be livepatched; patch the functions calling trace_*() instead",
			 name);
}

static bool refuse_as_tracepoint(const struct policy *pol, const char *name)
{
	return (pol->kernel_target || pol->kernel_unit) && tracepoint_internal(name);
}

/*
 * A patched function the running kernel cannot redirect: its code is gone
 * (freed init code, discarded exit code), or ftrace has no call site in it
 * (notrace). An error, whatever the policy: no hook answer makes it
 * patchable.
 */
int policy_refuse_patched(struct policy *pol, const char *name, const struct src_loc *loc)
{
	const struct sym_facts *f = facts_for(pol, name);
	const char *obj;
	char *msg;

	if (!f || (!f->discarded && !f->untraced))
		return 0;
	obj = f->object ? f->object : "the target";
	if (!f->discarded && refuse_as_tracepoint(pol, name))
		msg = tracepoint_refusal(name);	/* notrace too, but this says what to patch */
	else if (!f->discarded)
		msg = xasprintf("patched function '%s' has no ftrace call site in %s (notrace, or an inline GCC emitted out of line): a livepatch cannot redirect it; it cannot be livepatched (patch its callers)",
				name, obj);
	else
		msg = xasprintf("patched function '%s' is in %s in %s: %s; it cannot be livepatched (patch its callers, or the code it set up)",
				name, f->discarded, obj,
				!strncmp(f->discarded, ".init.", 6) ?
				"it runs once at boot or module load and its code is freed afterwards" :
				"exit code is discarded from vmlinux, and in a module it runs once at unload without an ftrace hook (__exit is notrace)");
	error_at(loc, msg);
	free(msg);
	return -1;
}

/* l split into what the livepatch patches, but told, and the rest. */
static void split_patched(const struct policy *pol, const struct strlist *l,
			  const struct strlist *told, struct strlist *yes, struct strlist *no)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strlist_contains(&pol->in_patch, l->v[i]))
			strlist_push(no, l->v[i]);
		else if (!told || !strlist_contains(told, l->v[i]))
			strlist_push(yes, l->v[i]);
}

/*
 * "patched function 'f' WHAT A, B in OBJ": a note when the livepatch patches
 * all of them, else a warning naming the ones the user must patch.
 */
static void tell_list(const struct policy *pol, const char *name, const char *what,
		      const struct strlist *l, const struct strlist *told, const struct src_loc *loc,
		      const char *obj)
{
	struct strlist yes = { 0 }, no = { 0 };
	char *y, *n;

	split_patched(pol, l, told, &yes, &no);
	y = joined(&yes, false);
	n = joined(&no, false);
	if (no.n) {
		char *also = yes.n ? xasprintf(" (%s %s patched)", y, yes.n > 1 ? "are" : "is") : xstrdup("");
		char *msg = xasprintf("patched function '%s' %s %s in %s: patch those too%s", name, what,
				      n, obj, also);

		warn_at(loc, msg);
		free(msg);
		free(also);
	} else if (yes.n) {
		diag_note_at(loc ? loc->file : NULL, loc ? loc->line : 0, loc ? loc->col : 0,
			     "patched function '%s' %s %s in %s: %s patched too", name, what, y, obj,
			     yes.n > 1 ? "they are" : "it is");
	}
	free(y);
	free(n);
	strlist_release(&yes);
	strlist_release(&no);
}

void policy_tell_copies(struct policy *pol, const char *name, const struct src_loc *loc,
			const struct strlist *told)
{
	const struct sym_facts *f = facts_for(pol, name);
	const char *obj = f && f->object ? f->object : "the target";
	char *what, *clones;

	if (!f)
		return;
	tell_list(pol, name, "is inlined into", &f->inlined_into, told, loc, obj);
	if (!f->callers_via_clones.n)
		return;
	clones = joined(&f->clones, true);
	what = xasprintf("%s clones (%s) called from", f->present ? "also has" : "exists only as",
			 clones);
	tell_list(pol, name, what, &f->callers_via_clones, told, loc, obj);
	free(what);
	free(clones);
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
		rc = policy_refuse_patched(pol, name, loc);
	return rc;
}

void policy_set_kernel_target(struct policy *pol, bool kernel)
{
	pol->kernel_target = kernel;
}

void policy_set_kernel_unit(struct policy *pol, bool kernel)
{
	pol->kernel_unit = kernel;
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
				 bool header_inline, const struct src_loc *loc, bool *answer)
{
	const char *args[] = { name, "from-header" };
	const struct sym_facts *f = facts_for(pol, name);

	if (!pol->cmd[HOOK_SHALL_EXTERNALIZE_FUN]) {
		if (from_header)
			*answer = false;	/* it comes with the header */
		else if (f && inlined_into_livepatch(pol, f))
			*answer = false;
		else if (f && (!pol->fun_noinline || pol->fun_for_stack) && !pol->fun_for_header &&
			 policy_ipa_copy(f, pol->fun_visible))
			*answer = false;
		else if (f && f->exported)
			*answer = true;
		else if (f && !f->present)
			*answer = false;
		else if (header_inline && !f)
			*answer = false;	/* as if it came with the header: copied */
		else
			*answer = true;	/* with facts: the running instance, as policies/kernel */
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

	if (!pol->cmd[HOOK_MODIFY_PATCHED_FUN_SYM] && refuse_as_tracepoint(pol, name)) {
		struct hook_msg m = { .is_error = true, .text = tracepoint_refusal(name) };

		report_msg(HOOK_MODIFY_PATCHED_FUN_SYM, loc, &m);
		free(m.text);
		return -1;
	}
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
