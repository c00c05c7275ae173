/*
 * Unit test of policy_set_facts() (src/policy.c): the KLP_CCP_SYM_* hook
 * environment, the built-in defaults that use binary facts, and the warning
 * about a patched function that the target shows inlined or cloned.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/options.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/util.h"

static char tmpdir[] = "/tmp/klp-ccp-test-facts-XXXXXX";
static int failures, checks;

#define CHECK(cond, ...)							\
	do {									\
		checks++;							\
		if (!(cond)) {							\
			failures++;						\
			printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
			printf(__VA_ARGS__);					\
			putchar('\n');						\
		}								\
	} while (0)

static struct sym_facts make(const char *name, bool present, const char *binding,
			     unsigned sympos, bool exported)
{
	struct sym_facts f = { .name = name, .present = present, .binding = binding,
			       .sympos = sympos, .exported = exported, .object = "vmlinux" };
	return f;
}

static void release(struct sym_facts *f)
{
	strlist_release(&f->clones);
	strlist_release(&f->inlined_into);
	strlist_release(&f->callers_via_clones);
}

static bool can(struct policy *pol, const char *name, const char *linkage)
{
	bool answer = false;

	CHECK(!policy_can_externalize_fun(pol, name, linkage, linkage ? "a.c:1" : NULL,
					  NULL, &answer), "can-externalize-fun %s", name);
	return answer;
}

static bool shall(struct policy *pol, const char *name, bool from_header)
{
	bool answer = false;

	CHECK(!policy_shall_externalize_fun(pol, name, from_header, false, NULL, &answer),
	      "shall-externalize-fun %s", name);
	return answer;
}

static void test_defaults(void)
{
	struct policy *pol = policy_new(NULL, "a.c", "/");
	struct sym_facts absent = make("gone", false, NULL, 0, false);
	struct sym_facts clone = make("cl", false, NULL, 0, false);
	struct sym_facts here = make("here", true, "local", 2, false);
	struct sym_facts exp = make("ex", false, NULL, 0, true);
	struct sym_mod mod = {0};
	bool yes;

	strlist_push(&clone.clones, "cl.isra.0 isra");
	CHECK(can(pol, "gone", "internal"), "no facts: YES");
	policy_set_facts(pol, &absent);
	CHECK(!can(pol, "gone", "internal"), "absent with definition: NO");
	CHECK(can(pol, "gone", NULL), "absent without definition: YES");
	CHECK(!shall(pol, "gone", false), "absent: shall NO");
	CHECK(can(pol, "other", "internal"), "facts about another name do not apply");
	policy_set_facts(pol, &clone);
	CHECK(!can(pol, "cl", "external"), "clone-only: NO");
	policy_set_facts(pol, &here);
	CHECK(can(pol, "here", "internal"), "present: YES");
	CHECK(shall(pol, "here", false) && !shall(pol, "here", true), "present: as today");
	CHECK(!policy_modify_externalized_sym(pol, true, "here", 0, NULL, &mod) &&
	      !strcmp(mod.new_name, "here") && mod.linkage == LINKAGE_MAKE_EXTERNAL &&
	      !mod.make_pointer, "local: plain, name kept");
	free(mod.new_name);
	policy_set_facts(pol, &exp);
	CHECK(can(pol, "ex", "external") && shall(pol, "ex", false), "exported: externalize");
	CHECK(!policy_modify_externalized_sym(pol, false, "ex", 0, NULL, &mod) &&
	      !strcmp(mod.new_name, "ex") && mod.linkage == LINKAGE_MAKE_EXTERNAL &&
	      !mod.make_pointer, "exported: plain NAME MAKE-EXTERNAL");
	free(mod.new_name);
	CHECK(!policy_shall_externalize_obj(pol, "ex", NULL, &yes) && yes, "object: YES");
	policy_set_facts(pol, NULL);
	CHECK(can(pol, "gone", "internal"), "cleared: YES");
	policy_free(pol);
	release(&clone);
}

/* policy_ipa_copy(): functions whose code, with their callees', is small are copied. */
static void test_ipa_copy(void)
{
	struct policy *pol = policy_new(NULL, "a.c", "/");
	struct sym_facts f = make("leaf", true, "local", 1, false);

	f.self_contained = 1;
	f.code_size = f.tree_size = POLICY_IPA_COPY_MAX;
	policy_set_facts(pol, &f);
	CHECK(!shall(pol, "leaf", false), "self-contained, at the limit: copied");
	policy_set_function_kind(pol, true, false, false, false);
	CHECK(shall(pol, "leaf", false), "declared noinline: externalized");
	policy_set_function_kind(pol, true, true, false, false);
	CHECK(!shall(pol, "leaf", false), "declared noinline_for_stack only: copied");
	policy_set_function_kind(pol, false, true, false, false);
	CHECK(!shall(pol, "leaf", false), "for_stack without noinline: copied");
	policy_set_function_kind(pol, false, false, true, false);
	CHECK(shall(pol, "leaf", false), "named only by a header's code: externalized");
	policy_set_function_kind(pol, false, false, false, false);
	f.code_size = f.tree_size = POLICY_IPA_COPY_MAX + 1;
	CHECK(shall(pol, "leaf", false), "over the limit: externalized");
	f.code_size = f.tree_size = 40;
	strlist_push(&f.clones, "leaf.cold cold");
	CHECK(!shall(pol, "leaf", false), "a .cold part: still copied");
	strlist_push(&f.clones, "leaf.constprop.0 constprop");
	CHECK(shall(pol, "leaf", false), "cloned: externalized");
	release(&f);
	f = make("leaf", true, "local", 1, false);
	f.code_size = 40;
	f.self_contained = -1;
	policy_set_facts(pol, &f);
	CHECK(shall(pol, "leaf", false), "unknown calls: externalized");
	f.self_contained = 0;
	f.tree_size = POLICY_IPA_COPY_MAX + 1;
	CHECK(shall(pol, "leaf", false), "its callees make it too big: externalized");
	f.tree_size = POLICY_IPA_COPY_MAX;
	CHECK(!shall(pol, "leaf", false), "calls small functions of its object: copied");
	release(&f);
	f = make("leaf", true, "global", 0, false);
	f.code_size = f.tree_size = 40;
	f.self_contained = 1;
	policy_set_facts(pol, &f);
	CHECK(!shall(pol, "leaf", false), "global: copied");
	f.tree_size = POLICY_IPA_COPY_GLOBAL_MAX + 1;
	CHECK(shall(pol, "leaf", false), "global, over its limit: externalized");
	f.tree_size = 40;
	policy_set_function_kind(pol, false, false, false, true);
	CHECK(shall(pol, "leaf", false), "global and __visible: externalized");
	policy_set_function_kind(pol, false, false, false, false);
	release(&f);
	f = make("leaf", true, "weak", 0, false);
	f.code_size = f.tree_size = 40;
	f.self_contained = 1;
	policy_set_facts(pol, &f);
	CHECK(shall(pol, "leaf", false), "weak: externalized");
	policy_set_facts(pol, NULL);
	policy_free(pol);
}

static char *env_of_hook(const struct sym_facts *f, char *const *extra)
{
	struct options opts = {0};
	char *hook = xasprintf("%s/hook", tmpdir), *outp = xasprintf("%s/env", tmpdir);
	char *script = xasprintf("#!/bin/sh\nenv | grep '^KLP_CCP_SYM_\\|^KLP_TEST' | sort >'%s'\n"
				 "echo 'RESULT: YES'\n", outp);
	struct policy *pol;
	FILE *fp = fopen(hook, "w");
	char *text;
	bool yes;

	fputs(script, fp);
	fclose(fp);
	chmod(hook, 0755);
	opts.hook_cmd[HOOK_SHALL_EXTERNALIZE_OBJ] = hook;
	pol = policy_new(&opts, "a.c", "/");
	policy_set_fact_env(pol, extra);
	policy_set_facts(pol, f);
	CHECK(!policy_shall_externalize_obj(pol, f ? f->name : "x", NULL, &yes) && yes,
	      "hook ran");
	policy_free(pol);
	text = read_file(outp, NULL);
	unlink(outp);
	unlink(hook);
	free(hook);
	free(outp);
	free(script);
	return text ? text : xstrdup("");
}

static void test_env(void)
{
	struct sym_facts f = make("helper", false, NULL, 0, false);
	struct sym_facts g = make("dup", true, "local", 3, true);
	char *const extra[] = { "KLP_TEST_EXTRA=1", "KLP_CCP_SYM_NAME=overridden", NULL };
	const char *want_f =
		"KLP_CCP_SYM_BINDING=\n"
		"KLP_CCP_SYM_CALLERS_VIA_CLONES=a b\n"
		"KLP_CCP_SYM_CLONES=helper.isra.0:isra helper.isra.0.cold:cold\n"
		"KLP_CCP_SYM_COLD=no\n"
		"KLP_CCP_SYM_EXPORTED=no\n"
		"KLP_CCP_SYM_INLINED_INTO=x y.part.0\n"
		"KLP_CCP_SYM_NAME=helper\n"
		"KLP_CCP_SYM_OBJECT=vmlinux\n"
		"KLP_CCP_SYM_PRESENT=no\n"
		"KLP_CCP_SYM_SELF_CONTAINED=no\n"
		"KLP_CCP_SYM_SIZE=0\n"
		"KLP_CCP_SYM_SYMPOS=0\n"
		"KLP_CCP_SYM_TREE_SIZE=0\n"
		"KLP_TEST_EXTRA=1\n";
	const char *want_g =
		"KLP_CCP_SYM_BINDING=local\n"
		"KLP_CCP_SYM_CALLERS_VIA_CLONES=\n"
		"KLP_CCP_SYM_CLONES=\n"
		"KLP_CCP_SYM_COLD=no\n"
		"KLP_CCP_SYM_EXPORTED=yes\n"
		"KLP_CCP_SYM_INLINED_INTO=\n"
		"KLP_CCP_SYM_NAME=dup\n"
		"KLP_CCP_SYM_OBJECT=vmlinux\n"
		"KLP_CCP_SYM_PRESENT=yes\n"
		"KLP_CCP_SYM_SELF_CONTAINED=no\n"
		"KLP_CCP_SYM_SIZE=0\n"
		"KLP_CCP_SYM_SYMPOS=3\n"
		"KLP_CCP_SYM_TREE_SIZE=0\n";
	char *got;

	strlist_push(&f.clones, "helper.isra.0 isra");
	strlist_push(&f.clones, "helper.isra.0.cold cold");
	strlist_push(&f.inlined_into, "x");
	strlist_push(&f.inlined_into, "y.part.0");
	strlist_push(&f.callers_via_clones, "a");
	strlist_push(&f.callers_via_clones, "b");
	got = env_of_hook(&f, extra);
	CHECK(!strcmp(got, want_f), "environment:\n%s\nwant:\n%s", got, want_f);
	free(got);
	got = env_of_hook(&g, NULL);
	CHECK(!strcmp(got, want_g), "environment:\n%s\nwant:\n%s", got, want_g);
	free(got);
	got = env_of_hook(NULL, extra);
	CHECK(!strcmp(got, "KLP_CCP_SYM_NAME=overridden\nKLP_TEST_EXTRA=1\n"),
	      "no facts: only the fact_env entries:\n%s", got);
	free(got);
	release(&f);
}

/*
 * stderr of policy_is_patched(name) with facts f, or with copies of
 * policy_tell_copies(name, told).
 */
static char *facts_stderr(struct policy *pol, const struct sym_facts *f, const char *name,
			  bool copies, const struct strlist *told)
{
	char *path = xasprintf("%s/stderr", tmpdir), *text;
	int saved = dup(2), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	struct src_loc loc = { "a.c", 3, 5 };
	bool yes;

	fflush(stderr);
	dup2(fd, 2);
	close(fd);
	policy_set_facts(pol, f);
	if (copies)
		policy_tell_copies(pol, name, &loc, told);
	else if (policy_is_patched(pol, name, &loc, &yes))
		fprintf(stderr, "(refused)\n");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	text = read_file(path, NULL);
	unlink(path);
	free(path);
	return text ? text : xstrdup("");
}

static char *patched_stderr(struct policy *pol, const struct sym_facts *f, const char *name)
{
	return facts_stderr(pol, f, name, false, NULL);
}

static char *copies_stderr(struct policy *pol, const struct sym_facts *f, const char *name,
			   const struct strlist *told)
{
	return facts_stderr(pol, f, name, true, told);
}

static void test_warning(void)
{
	struct options opts = {0};
	char *patched[] = { "f", "g", "h", "i" };
	struct sym_facts f = make("f", true, "global", 0, false);
	struct sym_facts g = make("g", false, NULL, 0, false);
	struct sym_facts h = make("h", true, "global", 0, false);
	struct sym_facts i = make("i", true, "global", 0, false);
	struct strlist in_patch = { 0 }, told = { 0 };
	struct policy *pol;
	char *err;

	opts.patched = patched;
	opts.n_patched = 4;
	pol = policy_new(&opts, "a.c", "/");
	i.discarded = ".init.text";
	err = patched_stderr(pol, &i, "i");
	CHECK(strstr(err, "a.c:3:5: error: patched function 'i' is in .init.text in vmlinux: ") &&
	      strstr(err, "cannot be livepatched") && strstr(err, "(refused)"), "init refusal: %s", err);
	free(err);
	i.discarded = ".exit.text";
	err = patched_stderr(pol, &i, "i");
	CHECK(strstr(err, "error: patched function 'i' is in .exit.text in vmlinux: exit code") &&
	      strstr(err, "(refused)"), "exit refusal: %s", err);
	free(err);
	i.discarded = NULL;
	err = patched_stderr(pol, &i, "i");
	CHECK(!*err, "not refused: %s", err);
	free(err);
	strlist_push(&f.inlined_into, "caller1");
	strlist_push(&f.inlined_into, "caller2");
	strlist_push(&g.clones, "g.isra.0 isra");
	strlist_push(&g.callers_via_clones, "user");
	err = copies_stderr(pol, &f, "f", NULL);
	CHECK(strstr(err, "a.c:3:5: warning: patched function 'f' is inlined into caller1, "
		      "caller2 in vmlinux: patch those too"), "inlined warning: %s", err);
	free(err);
	err = copies_stderr(pol, &g, "g", NULL);
	CHECK(strstr(err, "warning: patched function 'g' exists only as clones (g.isra.0) "
		      "called from user in vmlinux: patch those too"), "clone warning: %s", err);
	free(err);
	/* the livepatch patches some or all of them itself: a note, or a warning for the rest */
	strlist_push(&in_patch, "caller1");
	policy_set_patched(pol, &in_patch);
	err = copies_stderr(pol, &f, "f", NULL);
	CHECK(strstr(err, "a.c:3:5: warning: patched function 'f' is inlined into caller2 in "
		      "vmlinux: patch those too (caller1 is patched)"), "partly patched: %s", err);
	free(err);
	strlist_push(&in_patch, "caller2");
	strlist_push(&in_patch, "user");
	policy_set_patched(pol, &in_patch);
	err = copies_stderr(pol, &f, "f", NULL);
	CHECK(!strcmp(err, "a.c:3:5: note: patched function 'f' is inlined into caller1, "
		      "caller2 in vmlinux: they are patched too\n"), "all patched: %s", err);
	free(err);
	strlist_push(&told, "caller1");
	err = copies_stderr(pol, &f, "f", &told);
	CHECK(!strcmp(err, "a.c:3:5: note: patched function 'f' is inlined into caller2 in "
		      "vmlinux: it is patched too\n"), "told once: %s", err);
	free(err);
	strlist_push(&told, "caller2");
	err = copies_stderr(pol, &f, "f", &told);
	CHECK(!*err, "all told: %s", err);
	free(err);
	err = copies_stderr(pol, &g, "g", NULL);
	CHECK(strstr(err, "note: patched function 'g' exists only as clones (g.isra.0) "
		      "called from user in vmlinux: it is patched too"), "clone note: %s", err);
	free(err);
	strlist_release(&in_patch);
	strlist_release(&told);
	err = patched_stderr(pol, &h, "h");
	CHECK(!*err, "nothing to say: %s", err);
	free(err);
	err = patched_stderr(pol, &f, "x");
	CHECK(!*err, "not patched: %s", err);
	free(err);
	policy_free(pol);
	release(&f);
	release(&g);
	release(&h);
	release(&i);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 2;
	}
	test_defaults();
	test_ipa_copy();
	test_env();
	test_warning();
	rmdir(tmpdir);
	printf("%d of %d checks failed\n", failures, checks);
	return failures ? 1 : 0;
}
