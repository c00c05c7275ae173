/*
 * Without --target-object, an externalized function-local static still
 * needs GCC's symbol name: GCC names it x.N, N counted over the translation
 * unit in an order that depends on the optimization flags, so the C name
 * binds to nothing. The running binary was built from the original command
 * line; compiling it once more (plus -g, which changes no code, for the
 * DWARF that ties each x.N to its function) names them as the target's
 * facts would.
 *
 * The compile runs beside the parse when own_facts_start() is called
 * before it (the built-in defaults ask it of nearly every static function):
 * it costs about 1.5x the parse, which the decisions would otherwise wait
 * for. -fno-var-tracking(-assignments): variable locations are no fact we
 * read, and tracking them is about 15% of the compile; like -g, they change
 * no code (GCC's -fcompare-debug contract), so the symbols are the same.
 */
#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/util.h"

/* clang rejects -fno-var-tracking-assignments (and tracks no variables so) */
static bool compiler_is_gcc(const struct gcc_cmdline *cl)
{
	return !cl->gcc_macros || !strstr(cl->gcc_macros, "#define __clang__ ");
}

static void compile_argv(const struct own_facts *of, const char *obj, struct strlist *v)
{
	strlist_push(v, of->cl->compiler);
	internal_push_args(of->cl, of->source, v);
	strlist_push(v, "-g");
	if (compiler_is_gcc(of->cl)) {
		strlist_push(v, "-fno-var-tracking");
		strlist_push(v, "-fno-var-tracking-assignments");
	}
	strlist_push(v, "-w");
	strlist_push(v, "-o");
	strlist_push(v, obj);
	strlist_push_owned(v, NULL);
}

static void fail_compile(struct own_facts *of, const char *msg)
{
	of->failure = xasprintf("compiling %s failed: %s", of->source,
				*msg ? msg : "cannot run the compiler");
}

void own_facts_start(struct own_facts *of)
{
	struct strlist v = { 0 };
	char *obj, *log;

	if (of->tried || of->dir)
		return;
	of->dir = internal_scratch_create("own");
	if (!of->dir) {
		of->failure = xstrdup("no scratch directory");
		of->tried = 1;
		return;
	}
	obj = xasprintf("%s/own.o", of->dir);
	log = xasprintf("%s/log", of->dir);
	compile_argv(of, obj, &v);
	of->pid = cleanup_spawn_group(v.v, NULL, log);
	if (of->pid < 0) {
		fail_compile(of, "");
		of->pid = 0;
		of->tried = 1;
	}
	strlist_release(&v);
	free(obj);
	free(log);
}

/* Exit status of the compile (waited for), or -1. */
static int wait_compile(struct own_facts *of)
{
	int status;
	pid_t r;

	do
		r = waitpid(of->pid, &status, 0);
	while (r < 0 && errno == EINTR);
	cleanup_forget_group(of->pid);
	of->pid = 0;
	return r < 0 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void read_facts(struct own_facts *of)
{
	char *obj = xasprintf("%s/own.o", of->dir), *log = xasprintf("%s/log", of->dir);
	struct strlist objs = { 0 };
	struct strbuf out = { 0 };
	size_t len;

	if (wait_compile(of)) {
		char *text = read_file(log, &len), *msg;

		if (text)
			sb_addn(&out, text, len);
		msg = internal_first_message(&out);
		fail_compile(of, msg);
		free(msg);
		free(text);
	} else {
		strlist_push(&objs, obj);
		of->db = facts_open(&objs, NULL);
		if (!of->db)
			of->failure = xasprintf("cannot read %s compiled", of->source);
	}
	strlist_release(&objs);
	sb_release(&out);
	free(obj);
	free(log);
}

static void remove_scratch(struct own_facts *of)
{
	if (!of->dir)
		return;
	internal_scratch_remove(of->dir);
	free(of->dir);
	of->dir = NULL;
}

struct facts_db *own_facts_get(struct own_facts *of)
{
	if (!of->tried)
		own_facts_start(of);
	if (of->tried++)
		return of->db;
	read_facts(of);
	remove_scratch(of);
	return of->db;
}

/*
 * SIGTERM first: GCC's driver then removes its temporary files ($TMPDIR's
 * ccXXXXXX.s), which SIGKILL would leave behind; SIGKILL after 2 s.
 */
static void end_compile(struct own_facts *of)
{
	int status;

	kill(-of->pid, SIGTERM);
	for (int i = 0; i < 200; i++) {
		if (waitpid(of->pid, &status, WNOHANG) == of->pid) {
			cleanup_forget_group(of->pid);
			of->pid = 0;
			return;
		}
		usleep(10000);
	}
	kill(-of->pid, SIGKILL);
	wait_compile(of);
}

void own_facts_release(struct own_facts *of)
{
	if (of->pid > 0)	/* started, never needed */
		end_compile(of);
	remove_scratch(of);
	if (of->db)
		facts_close(of->db);
	free(of->failure);
	of->db = NULL;
	of->failure = NULL;
}
