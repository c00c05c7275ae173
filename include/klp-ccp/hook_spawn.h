/*
 * Starting policy hook processes without fork() of klp-ccp (posix_spawn, so
 * the cost does not grow with the parsed translation unit's memory), and
 * running one to completion under the hook contract: its own process group,
 * standard input /dev/null (or a pipe, for the policy server), standard
 * output and error read through pipes, a time limit and an output limit
 * after which the whole group is killed, and the process always reaped.
 *
 * A plain CMD (see hook_cmd_words) is executed directly with its words and
 * the arguments; any other CMD runs as /bin/sh -c 'CMD "$@"' klp-ccp ARG...,
 * which builds the same argv for a plain one.
 */
#ifndef KLP_CCP_HOOK_SPAWN_H
#define KLP_CCP_HOOK_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "klp-ccp/util.h"

#define HOOK_MAX_OUTPUT (1024 * 1024)	/* per stream; more is a failure */

struct hook_child {
	pid_t pid;		/* also its process group; 0: none */
	int in_fd;		/* write end of its stdin, -1 when /dev/null */
	int out_fd, err_fd;	/* read ends of its stdout and stderr */
};

/*
 * The words of CMD when it is plain: a path (its first word contains '/',
 * no '=') followed by words of [A-Za-z0-9_./:=+,@%-] only, separated by
 * blanks. NULL otherwise. Free with strlist_release.
 */
bool hook_cmd_words(const char *cmd, struct strlist *words);

/* Starts CMD ARG...; 0, or -1 with *err (allocated) saying why. */
int hook_spawn(const char *cmd, const char *const *args, size_t nargs, char *const *envp,
	       bool stdin_pipe, struct hook_child *c, char **err);
/* SIGKILL to its process group, close its pipes, reap it; *status if not NULL. */
void hook_kill(struct hook_child *c, int *status);

/* The outcome of one run of a hook. */
struct hook_run {
	struct strbuf out, err;
	bool too_much;		/* a stream exceeded HOOK_MAX_OUTPUT: killed */
	bool timed_out;		/* killed at the time limit */
	int status;		/* from waitpid */
	char *sys_error;	/* could not run at all */
};

/* Runs CMD ARG... to completion (stdin /dev/null) within timeout seconds. */
void hook_run_once(const char *cmd, const char *const *args, size_t nargs, char *const *envp,
		   double timeout, struct hook_run *run);
void hook_run_release(struct hook_run *run);
/* Sleep steps taken waiting for hooks' exits (0 where pidfds work). */
unsigned long hook_reap_sleeps(void);

/* Milliseconds of CLOCK_MONOTONIC; deadlines; poll() timeouts until one. */
int64_t hook_now_ms(void);
int64_t hook_deadline_after(double timeout);
int hook_poll_timeout(int64_t deadline);

/*
 * Reads what is available on fd into sb (at most HOOK_MAX_OUTPUT in all:
 * sets *too_much beyond); false at end of file or on error.
 */
bool hook_drain(int fd, struct strbuf *sb, bool *too_much);

/*
 * Environment entries of at least HOOK_ENV_FILE_MIN bytes (lists of
 * thousands of names) would exceed the kernel's 128 KiB per-string limit
 * (E2BIG at the exec): hook_env_file() writes the value of "NAME=VALUE" to a
 * file of a private temporary directory and returns "NAME_FILE=PATH"
 * (allocated), or NULL with *failure. The files are rewritten each time and
 * removed by hook_env_files_remove() (async-signal-safe).
 */
#define HOOK_ENV_FILE_MIN (64 * 1024)
char *hook_env_file(const char *entry, char **failure);
void hook_env_files_remove(void);

/* Async-signal-safe: SIGKILL every hook process group running now. */
void hook_kill_all(void);

#endif
