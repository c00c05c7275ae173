/*
 * What an interrupted or failed run must not leave behind: temporary files,
 * directories it created, the scratch tree of --patch, and a compiler it is
 * waiting for. The registry has no fixed size; it is changed only with the
 * fatal signals blocked, so the signal handler always sees it whole.
 */
#ifndef KLP_CCP_CLEANUP_H
#define KLP_CCP_CLEANUP_H

#include <signal.h>
#include <sys/types.h>

/* mkstemp/mkdtemp/mkdir whose result is registered before it can be used. */
int cleanup_mkstemp(char *tmpl);
char *cleanup_mkdtemp(char *tmpl);		/* removed with everything in it */
int cleanup_mkdir(const char *path, mode_t mode);	/* removed when empty */
int cleanup_mkdir_tree(const char *path, mode_t mode);	/* removed with its contents */
/* Remove path and everything below it now (not following symlinks). */
void cleanup_remove_tree(const char *path);
/* Not ours to remove any more (renamed into place, or removed already). */
void cleanup_forget(const char *path);

/*
 * fork() for a child the run waits for: the child gets its own process
 * group, which an interrupt kills (SIGKILL) before the files are removed.
 * Call cleanup_child_done() once it has been waited for.
 */
pid_t cleanup_fork_child(void);
void cleanup_child_done(void);

/*
 * A child started in a process group of its own (posix_spawn with
 * POSIX_SPAWN_SETPGROUP, registered with the fatal signals blocked): an
 * interrupt sends its group SIGTERM (it cleans up after itself) and waits
 * for it, before any file is removed. Forget it once it has been waited for.
 */
void cleanup_add_group(pid_t pid);
void cleanup_forget_group(pid_t pid);
/*
 * Starts argv (PATH search) so registered, in dir (NULL: here), stdin
 * /dev/null, stdout and stderr into the file log; its pid, or -1 with errno.
 */
pid_t cleanup_spawn_group(char *const *argv, const char *dir, const char *log);

/* Block / restore the fatal signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT). */
void cleanup_block(sigset_t *old);
void cleanup_unblock(const sigset_t *old);

/* Async-signal-safe: kill the child, remove everything registered. */
void cleanup_run(void);

#endif
