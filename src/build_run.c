/*
 * klp-ccp build, running: one child klp-ccp per unit (posix_spawn, in the
 * kernel tree, at most -j at a time, each writing OUTDIR/units/BASE.{c,yaml,
 * log}), then "make" on the glued module. A failure is one line per failed
 * step naming its log.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/build.h"
#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"

static char *self_exe(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return xstrdup("klp-ccp");
	buf[n] = '\0';
	return xstrdup(buf);
}

static char *unit_file(const struct build_options *o, const struct build_unit *u,
		       const char *ext)
{
	return xasprintf("%s/units/%s.%s", o->outdir, u->base, ext);
}

/* The child's command line: everything relative to the tree, outputs absolute. */
static void unit_argv(const struct build_options *o, const struct build_unit *u,
		      struct strlist *argv)
{
	strlist_push_owned(argv, self_exe());
	strlist_push_owned(argv, xasprintf("--outfile=%s/units/%s.c", o->outdir, u->base));
	strlist_push_owned(argv, xasprintf("--report=%s/units/%s.yaml", o->outdir, u->base));
	if (u->patch.len) {
		strlist_push_owned(argv, xasprintf("--patch=%s/units/%s.patch", o->outdir, u->base));
		/* its diagnostics name the user's patch and lines */
		strlist_push_owned(argv, xasprintf("--patch-origin=%s:%s", u->origin.buf,
						   o->patch_name));
	}
	for (size_t i = 0; i < u->functions.n; i++)
		strlist_push_owned(argv, xasprintf("--patched-functions=%s", u->functions.v[i]));
	for (size_t i = 0; i < u->targets.n; i++)
		strlist_push_owned(argv, xasprintf("--target-object=%s", u->targets.v[i]));
	if (o->symvers)
		strlist_push_owned(argv, xasprintf("--symvers=%s", o->symvers));
	for (size_t i = 0; i < o->ipa_clones.n; i++)
		strlist_push_owned(argv, xasprintf("--ipa-clones=%s", o->ipa_clones.v[i]));
	if (u->ipa_dump)
		strlist_push_owned(argv, xasprintf("--ipa-clones=%s", u->ipa_dump));
	for (size_t i = 0; i < o->child_opts.n; i++)
		strlist_push(argv, o->child_opts.v[i]);
	strlist_push_owned(argv, xasprintf("--kbuild-object=%s", u->object));
	strlist_push_owned(argv, NULL);
}

static pid_t spawn_logged(char *const *argv, const char *dir, const char *log)
{
	pid_t pid = cleanup_spawn_group(argv, dir, log);

	if (pid < 0)
		diag_error("build: cannot run %s: %s", argv[0], strerror(errno));
	return pid;
}

/* The line of a log that says why: the first error (GCC's, modpost's, make's), else the last. */
static char *log_reason(const char *log)
{
	static const char *const needles[] = { "error:", "ERROR:", "*** ", NULL };
	size_t len;
	char *text = read_file(log, &len), *reason;
	const char *p = NULL, *last = "";

	if (!text)
		return xstrdup("(no log)");
	for (const char *const *n = needles; *n && !p; n++)
		p = strstr(text, *n);
	if (p) {
		while (p > text && p[-1] != '\n')
			p--;
	} else {
		for (const char *q = text; *q; q += *q == '\n') {
			size_t n = strcspn(q, "\n");

			if (n)
				last = q;
			q += n;
		}
		p = last;
	}
	if (!strncmp(p, "klp-ccp: error: ", 16))	/* the child's own prefix */
		p += 16;
	reason = xstrndup(p, strcspn(p, "\n"));
	free(text);
	return reason;
}

static int write_unit_patch(const struct build_options *o, const struct build_unit *u)
{
	char *path = unit_file(o, u, "patch");
	FILE *f = fopen(path, "w");
	int rc = f && fwrite(u->patch.buf, 1, u->patch.len, f) == u->patch.len ? 0 : -1;

	if (f && fclose(f))
		rc = -1;
	if (rc)
		diag_error("cannot write '%s': %s", path, strerror(errno));
	free(path);
	return rc;
}

static pid_t start_unit(const struct build_options *o, struct build_unit *u)
{
	struct strlist argv = { 0 };
	char *log = unit_file(o, u, "log");

	if (u->patch.len && write_unit_patch(o, u)) {
		free(log);
		return -1;
	}
	unit_argv(o, u, &argv);
	u->pid = spawn_logged(argv.v, o->tree, log);
	strlist_release(&argv);
	free(log);
	return u->pid;
}

/* Reap one child; record its status on its unit. */
static void reap_one(struct build_plan *plan)
{
	int status;
	pid_t pid;

	do
		pid = wait(&status);
	while (pid < 0 && errno == EINTR);
	if (pid > 0)
		cleanup_forget_group(pid);
	for (size_t i = 0; pid > 0 && i < plan->n; i++)
		if (plan->units[i].pid == pid) {
			plan->units[i].status = status;
			plan->units[i].pid = 0;
		}
}

/*
 * "FILE:LINE[:COL]: error: MESSAGE" (a child's error located in the user's
 * patch or source): its parts, else false.
 */
static bool located_error(char *reason, char **file, unsigned *line, unsigned *col,
			  const char **msg)
{
	char *err = strstr(reason, ": error: "), *p;

	if (!err)
		return false;
	*err = '\0';
	*col = 0;
	p = strrchr(reason, ':');
	if (p && p > reason && p[1] && !p[1 + strspn(p + 1, "0123456789")]) {
		unsigned n = (unsigned)strtoul(p + 1, NULL, 10);
		char *q;

		*p = '\0';
		q = strrchr(reason, ':');
		if (q && q > reason && q[1] && !q[1 + strspn(q + 1, "0123456789")]) {
			*q = '\0';
			*line = (unsigned)strtoul(q + 1, NULL, 10);
			*col = n;
		} else {
			*line = n;
		}
		*file = reason;
		*msg = err + 9;
		return *line > 0;
	}
	*err = ':';
	return false;
}

static int report_failures(const struct build_options *o, const struct build_plan *plan)
{
	int failed = 0;

	for (size_t i = 0; i < plan->n; i++) {
		const struct build_unit *u = &plan->units[i];
		char *log, *why, *file;
		unsigned line, col;
		const char *msg;

		if (WIFEXITED(u->status) && !WEXITSTATUS(u->status))
			continue;
		log = unit_file(o, u, "log");
		why = log_reason(log);
		/* located (a hunk of the user's patch): the location leads the line */
		if (located_error(why, &file, &line, &col, &msg))
			diag_error_at(file, line, col, "%s (extraction of %s failed; log: %s)", msg,
				      u->source, log);
		else
			diag_error("build: extraction of %s failed: %s (log: %s)", u->source, why,
				   log);
		free(why);
		free(log);
		failed++;
	}
	return failed ? -1 : 0;
}

/*
 * The extractions' warnings and notes about the user's patch (a hunk
 * applied with fuzz or at an offset), on stderr once each (a header's
 * hunks are applied in every unit): the user must check them.
 */
static void relay_patch_diags(const struct build_options *o, const struct build_plan *plan)
{
	struct strlist seen = { 0 };
	size_t n = strlen(o->patch_name);

	for (size_t i = 0; i < plan->n; i++) {
		char *log = unit_file(o, &plan->units[i], "log");
		char *text = read_file(log, NULL);

		for (char *p = text, *e, end; p && *p; p = end ? e + 1 : e) {
			e = p + strcspn(p, "\n");
			end = *e;
			*e = '\0';
			if (!strncmp(p, o->patch_name, n) && p[n] == ':' &&
			    isdigit((unsigned char)p[n + 1]) && !strstr(p, ": error: ") &&
			    !strlist_contains(&seen, p)) {
				fprintf(stderr, "%s\n", p);
				strlist_push(&seen, p);
			}
		}
		free(text);
		free(log);
	}
	strlist_release(&seen);
}

int build_run_extractions(const struct build_options *o, struct build_plan *plan)
{
	size_t next = 0, running = 0;
	int rc = 0;

	while (next < plan->n || running) {
		if (next < plan->n && running < (size_t)o->jobs && !rc) {
			if (start_unit(o, &plan->units[next++]) < 0)
				rc = -1;
			else
				running++;
			continue;
		}
		if (!running)
			break;
		reap_one(plan);
		running--;
	}
	if (o->patch_name)
		relay_patch_diags(o, plan);
	return rc ? rc : report_failures(o, plan);
}

int build_run_make(const struct build_options *o)
{
	char *log = xasprintf("%s/make.log", o->outdir), *jobs = xasprintf("-j%d", o->jobs);
	char *argv[] = { "make", "-C", (char *)o->outdir, jobs, NULL };
	pid_t pid = spawn_logged(argv, NULL, log);
	int status = 0, rc = 0;

	if (pid < 0)
		rc = -1;
	else
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	if (pid > 0)
		cleanup_forget_group(pid);
	if (!rc && !(WIFEXITED(status) && !WEXITSTATUS(status))) {
		char *why = log_reason(log);

		diag_error("build: make failed: %s (log: %s)", why, log);
		free(why);
		rc = -1;
	}
	free(log);
	free(jobs);
	return rc;
}
