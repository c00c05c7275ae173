/*
 * Hook processes (klp-ccp/hook_spawn.h). posix_spawn() starts the hook
 * without copying klp-ccp's page tables (glibc spawns with CLONE_VM |
 * CLONE_VFORK), which fork() of a 150-200 MB process after the parse
 * does on every question. posix_spawn also puts the child in its own process
 * group, resets its signal mask and the dispositions klp-ccp ignores, and
 * sets up its standard streams before the exec: what the child of fork()
 * used to do.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "klp-ccp/hook_spawn.h"

/* ---- running process groups, for hook_kill_all() ------------------------- */

#define MAX_LIVE 8
static volatile pid_t live[MAX_LIVE];

static void track(pid_t pid)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (!live[i]) {
			live[i] = pid;
			return;
		}
}

static void untrack(pid_t pid)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] == pid)
			live[i] = 0;
}

void hook_kill_all(void)
{
	for (int i = 0; i < MAX_LIVE; i++) {
		pid_t pid = live[i];

		if (pid > 0) {
			kill(-pid, SIGKILL);
			waitpid(pid, NULL, 0);	/* no zombie left to an init that may not reap */
		}
	}
}

/* ---- time ---------------------------------------------------------------- */

int64_t hook_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t hook_deadline_after(double timeout)
{
	double ms = timeout * 1000.0;

	return hook_now_ms() + (ms > 1e12 ? (int64_t)1e12 : (int64_t)ms + 1);
}

int hook_poll_timeout(int64_t deadline)
{
	int64_t left = deadline - hook_now_ms();

	if (left <= 0)
		return 0;
	return left > 60000 ? 60000 : (int)left;
}

/* ---- the command --------------------------------------------------------- */

static bool is_plain_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_./:=+,@%-", s[i]))
			return false;
	return n > 0;
}

bool hook_cmd_words(const char *cmd, struct strlist *words)
{
	const char *p = cmd;

	words->n = 0;
	while (*p) {
		size_t n = strcspn(p, " \t");

		if (n) {
			if (!is_plain_word(p, n)) {
				strlist_release(words);
				return false;
			}
			strlist_push_owned(words, xstrndup(p, n));
		}
		p += n;
		p += strspn(p, " \t");
	}
	/* a path, not a word the shell would look up (builtins, functions) or
	 * take as an assignment */
	if (!words->n || !strchr(words->v[0], '/') || strchr(words->v[0], '=')) {
		strlist_release(words);
		return false;
	}
	return true;
}

/* NULL-terminated argv of borrowed strings: prefix..., then args. */
static char **argv_of(char *const *prefix, size_t np, const char *const *args, size_t nargs)
{
	char **argv = xcalloc(np + nargs + 1, sizeof(*argv));

	for (size_t i = 0; i < np; i++)
		argv[i] = prefix[i];
	for (size_t i = 0; i < nargs; i++)
		argv[np + i] = (char *)args[i];
	return argv;
}

/* fds: the child's stdin, stdout, stderr. */
static int spawn_argv(const char *path, char **argv, char *const *envp, const int fds[3],
		      pid_t *pid)
{
	static const int reset[] = { SIGPIPE, SIGXFSZ, SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	int rc;

	sigemptyset(&none);
	sigemptyset(&dfl);
	for (size_t i = 0; i < sizeof(reset) / sizeof(reset[0]); i++)
		sigaddset(&dfl, reset[i]);
	posix_spawn_file_actions_init(&fa);
	for (int i = 0; i < 3; i++)
		posix_spawn_file_actions_adddup2(&fa, fds[i], i);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
				      POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	rc = posix_spawn(pid, path, &fa, &at, argv, envp);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

static int spawn_shell(const char *cmd, const char *const *args, size_t nargs,
		       char *const *envp, const int fds[3], pid_t *pid)
{
	char *script = xasprintf("%s \"$@\"", cmd);
	char *prefix[] = { "sh", "-c", script, "klp-ccp" };
	char **argv = argv_of(prefix, 4, args, nargs);
	int rc = spawn_argv("/bin/sh", argv, envp, fds, pid);

	free(argv);
	free(script);
	return rc;
}

/*
 * Directly when plain; through the shell otherwise, and also when the direct
 * exec fails for another reason than the size of the environment: a script
 * without "#!" is the shell's to run, and a missing or non-executable
 * command gets the shell's exit status 127 or 126, as it always did.
 */
static int spawn_cmd(const char *cmd, const char *const *args, size_t nargs,
		     char *const *envp, const int fds[3], pid_t *pid)
{
	struct strlist words = {0};
	int rc = -1;

	if (hook_cmd_words(cmd, &words)) {
		char **argv = argv_of(words.v, words.n, args, nargs);

		rc = spawn_argv(argv[0], argv, envp, fds, pid);
		free(argv);
		strlist_release(&words);
		if (!rc || rc == E2BIG)
			return rc;
	}
	return spawn_shell(cmd, args, nargs, envp, fds, pid);
}

/* ---- file descriptors ------------------------------------------------------ */

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
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

/* in[0..1]: stdin (read end, our end or -1), out[], err[]; all >= 3. */
static bool open_pipes(int in[2], int out[2], int err[2], bool stdin_pipe, char **why)
{
	if (stdin_pipe ? pipe2(in, O_CLOEXEC) < 0 :
			 (in[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0) {
		*why = xasprintf("cannot open the hook's standard input: %s", strerror(errno));
		return false;
	}
	if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
		*why = xasprintf("cannot create pipes: %s", strerror(errno));
		return false;
	}
	in[0] = high_fd(in[0]);
	out[1] = high_fd(out[1]);
	err[1] = high_fd(err[1]);
	if (in[0] < 0 || out[1] < 0 || err[1] < 0) {
		*why = xasprintf("cannot move pipes: %s", strerror(errno));
		return false;
	}
	return true;
}

static char *spawn_error(int rc)
{
	if (rc == E2BIG)
		return xasprintf("its arguments and environment exceed the kernel's limit "
				 "(E2BIG: %s)", strerror(rc));
	return xasprintf("posix_spawn: %s", strerror(rc));
}

int hook_spawn(const char *cmd, const char *const *args, size_t nargs, char *const *envp,
	       bool stdin_pipe, struct hook_child *c, char **err)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int fds[3], rc = -1;

	*c = (struct hook_child){ 0, -1, -1, -1 };
	if (open_pipes(in, out, errp, stdin_pipe, err)) {
		fds[0] = in[0];
		fds[1] = out[1];
		fds[2] = errp[1];
		rc = spawn_cmd(cmd, args, nargs, envp, fds, &c->pid);
		if (rc) {
			*err = spawn_error(rc);
			c->pid = 0;
		}
	}
	close_fd(&in[0]);
	close_fd(&out[1]);
	close_fd(&errp[1]);
	if (rc) {
		close_fd(&in[1]);
		close_fd(&out[0]);
		close_fd(&errp[0]);
		return -1;
	}
	track(c->pid);
	c->in_fd = in[1];
	c->out_fd = out[0];
	c->err_fd = errp[0];
	return 0;
}

static void close_child_fds(struct hook_child *c)
{
	close_fd(&c->in_fd);
	close_fd(&c->out_fd);
	close_fd(&c->err_fd);
}

static pid_t wait_for(pid_t pid, int *status, int flags)
{
	pid_t r;

	do
		r = waitpid(pid, status, flags);
	while (r < 0 && errno == EINTR);
	return r;
}

void hook_kill(struct hook_child *c, int *status)
{
	int st;

	close_child_fds(c);
	if (c->pid <= 0)
		return;
	kill(-c->pid, SIGKILL);
	kill(c->pid, SIGKILL);
	wait_for(c->pid, status ? status : &st, 0);
	untrack(c->pid);
	c->pid = 0;
}

/* ---- one run ------------------------------------------------------------- */

bool hook_drain(int fd, struct strbuf *sb, bool *too_much)
{
	char buf[65536];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return false;
	if (sb->len + (size_t)n > HOOK_MAX_OUTPUT) {
		*too_much = true;
		return false;
	}
	sb_addn(sb, buf, (size_t)n);
	return true;
}

/*
 * Reads both pipes until both are closed, the deadline passes or a stream
 * exceeds the output limit (an endless writer is stopped there, not at the
 * time limit).
 */
static void collect_output(struct hook_run *run, const struct hook_child *c, int64_t deadline)
{
	struct pollfd p[2] = { { c->out_fd, POLLIN, 0 }, { c->err_fd, POLLIN, 0 } };
	int r;

	while ((p[0].fd >= 0 || p[1].fd >= 0) && !run->too_much) {
		if (hook_now_ms() >= deadline) {
			run->timed_out = true;
			return;
		}
		r = poll(p, 2, hook_poll_timeout(deadline));
		if (r < 0 && errno != EINTR) {
			run->sys_error = xasprintf("poll: %s", strerror(errno));
			return;
		}
		for (int i = 0; i < 2 && r > 0; i++)
			if (p[i].fd >= 0 && p[i].revents &&
			    !hook_drain(p[i].fd, i ? &run->err : &run->out, &run->too_much))
				p[i].fd = -1;
	}
}

/* Steps reap() slept since the start (tests: a pidfd leaves none). */
static unsigned long sleep_steps;

unsigned long hook_reap_sleeps(void)
{
	return sleep_steps;
}

/*
 * Blocks until the hook exits or the deadline passes: a pidfd (Linux 5.3)
 * becomes readable at the exit. Its output closes just before it exits, so
 * the exit is usually a few microseconds away; sleeping steps of 0.1 ms
 * cost more than that on most of the hundreds of questions a unit asks.
 * false when no pidfd can be had (the caller sleeps in steps).
 */
static bool await_exit(pid_t pid, int64_t deadline)
{
	static bool unsupported;
	struct pollfd p = { -1, POLLIN, 0 };
	int r;

#ifdef SYS_pidfd_open
	if (!unsupported)
		p.fd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
	if (p.fd < 0) {
		unsupported |= errno == ENOSYS;
		return false;
	}
	do
		r = poll(&p, 1, hook_poll_timeout(deadline));
	while ((r < 0 && errno == EINTR) || (r == 0 && hook_now_ms() < deadline));
	close(p.fd);
	if (r < 0)
		unsupported = true;	/* not again: sleep steps instead */
	return r >= 0;
}

/* Waits for the hook (it may have closed its output but go on running). */
static void reap(struct hook_run *run, struct hook_child *c, int64_t deadline)
{
	struct timespec tick = { 0, 100000 };	/* 0.1 ms, doubled up to 25.6 ms */
	pid_t r = 0;

	close_child_fds(c);
	while (!run->timed_out && !run->sys_error && !run->too_much &&
	       !(r = wait_for(c->pid, &run->status, WNOHANG))) {
		if (hook_now_ms() >= deadline) {
			run->timed_out = true;
			continue;
		}
		if (await_exit(c->pid, deadline))
			continue;
		nanosleep(&tick, NULL);
		sleep_steps++;
		if (tick.tv_nsec < 25600000)
			tick.tv_nsec *= 2;
	}
	if (r < 0 && !run->sys_error)
		run->sys_error = xasprintf("waitpid: %s", strerror(errno));
	if (r > 0) {
		untrack(c->pid);
		return;
	}
	hook_kill(c, &run->status);
}

void hook_run_once(const char *cmd, const char *const *args, size_t nargs, char *const *envp,
		   double timeout, struct hook_run *run)
{
	struct hook_child c;
	int64_t deadline;

	if (hook_spawn(cmd, args, nargs, envp, false, &c, &run->sys_error))
		return;
	deadline = hook_deadline_after(timeout);
	collect_output(run, &c, deadline);
	reap(run, &c, deadline);
}

void hook_run_release(struct hook_run *run)
{
	sb_release(&run->out);
	sb_release(&run->err);
	free(run->sys_error);
}

/* ---- long environment entries -------------------------------------------- */

#define MAX_ENV_FILES 32
#define ENV_PATH_MAX 4096
static char env_dir[ENV_PATH_MAX];
static char env_files[MAX_ENV_FILES][ENV_PATH_MAX];
static volatile int n_env_files;

void hook_env_files_remove(void)
{
	for (int i = 0; i < n_env_files; i++)
		unlink(env_files[i]);
	if (env_dir[0])
		rmdir(env_dir);
}

/* The slot of the file for name (created and remembered when new), or -1. */
static int env_file_slot(const char *name, size_t n, char **failure)
{
	const char *tmp = getenv("TMPDIR");
	int i;

	if (!env_dir[0]) {
		snprintf(env_dir, sizeof(env_dir), "%s/klp-ccp-env.XXXXXX",
			 tmp && *tmp && strlen(tmp) < 1024 ? tmp : "/tmp");
		if (!mkdtemp(env_dir)) {
			*failure = xasprintf("cannot create a directory for long environment "
					     "lists: %s", strerror(errno));
			env_dir[0] = 0;
			return -1;
		}
	}
	for (i = 0; i < n_env_files; i++) {
		const char *base = env_files[i] + strlen(env_dir) + 1;

		if (!strncmp(base, name, n) && !base[n])
			return i;
	}
	if (i == MAX_ENV_FILES || n > 255) {
		*failure = xstrdup("too many long environment lists");
		return -1;
	}
	snprintf(env_files[i], ENV_PATH_MAX, "%s/%.*s", env_dir, (int)n, name);
	n_env_files = i + 1;	/* after the path is complete: the signal handler reads it */
	return i;
}

char *hook_env_file(const char *entry, char **failure)
{
	size_t n = strcspn(entry, "=");
	const char *value = entry[n] ? entry + n + 1 : "";
	int slot = env_file_slot(entry, n, failure), fd;
	bool ok;

	if (slot < 0)
		return NULL;
	fd = open(env_files[slot], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ok = fd >= 0 && !write_fd_all(fd, value, strlen(value)) && !write_fd_all(fd, "\n", 1);
	if (fd >= 0 && close(fd))
		ok = false;
	if (!ok) {
		*failure = xasprintf("cannot write the list %.*s to '%s': %s", (int)n, entry,
				     env_files[slot], strerror(errno));
		return NULL;
	}
	return xasprintf("%.*s_FILE=%s", (int)n, entry, env_files[slot]);
}
