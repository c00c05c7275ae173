/*
 * Registry of what an interrupted run removes (cleanup.h). The signal
 * handler walks it without allocating: entries are added and removed only
 * with the fatal signals blocked.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/util.h"

extern char **environ;

enum entry_kind { ENTRY_FILE, ENTRY_EMPTY_DIR, ENTRY_TREE, ENTRY_GROUP };

struct entry {
	char *path;		/* NULL for a process group */
	enum entry_kind kind;
	pid_t pid;		/* ENTRY_GROUP: its leader */
};

static struct entry *volatile entries;
static volatile size_t n_entries;
static size_t cap_entries;
static volatile pid_t child;

void cleanup_block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

void cleanup_unblock(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* Signals blocked by the caller. */
static void add_entry(const char *path, enum entry_kind kind)
{
	struct entry *v = entries;

	if (n_entries == cap_entries) {
		cap_entries = cap_entries ? 2 * cap_entries : 8;
		v = xrealloc(v, cap_entries * sizeof(*v));
		entries = v;
	}
	v[n_entries].path = path ? xstrdup(path) : NULL;
	v[n_entries].kind = kind;
	v[n_entries].pid = 0;
	n_entries++;
}

int cleanup_mkstemp(char *tmpl)
{
	sigset_t old;
	int fd;

	cleanup_block(&old);
	fd = mkstemp(tmpl);
	if (fd >= 0)
		add_entry(tmpl, ENTRY_FILE);
	cleanup_unblock(&old);
	return fd;
}

char *cleanup_mkdtemp(char *tmpl)
{
	sigset_t old;
	char *dir;

	cleanup_block(&old);
	dir = mkdtemp(tmpl);
	if (dir)
		add_entry(dir, ENTRY_TREE);
	cleanup_unblock(&old);
	return dir;
}

static int mkdir_registered(const char *path, mode_t mode, enum entry_kind kind)
{
	sigset_t old;
	int rc;

	cleanup_block(&old);
	rc = mkdir(path, mode);
	if (!rc)
		add_entry(path, kind);
	cleanup_unblock(&old);
	return rc;
}

int cleanup_mkdir(const char *path, mode_t mode)
{
	return mkdir_registered(path, mode, ENTRY_EMPTY_DIR);
}

int cleanup_mkdir_tree(const char *path, mode_t mode)
{
	return mkdir_registered(path, mode, ENTRY_TREE);
}

/* The newest entry of path (or of process group pid when path is NULL) removed. */
static void forget_entry(const char *path, pid_t pid)
{
	sigset_t old;
	size_t i = n_entries;

	cleanup_block(&old);
	while (i-- > 0) {
		const struct entry *e = &entries[i];

		if (path ? !e->path || strcmp(e->path, path) : e->path || e->pid != pid)
			continue;
		free(entries[i].path);
		memmove(&entries[i], &entries[i + 1], (n_entries - i - 1) * sizeof(*entries));
		n_entries--;
		break;
	}
	cleanup_unblock(&old);
}

void cleanup_forget(const char *path)
{
	forget_entry(path, 0);
}

/* Signals blocked by the caller (spawn and registration are one step). */
void cleanup_add_group(pid_t pid)
{
	add_entry(NULL, ENTRY_GROUP);
	entries[n_entries - 1].pid = pid;
}

void cleanup_forget_group(pid_t pid)
{
	forget_entry(NULL, pid);
}

/*
 * posix_spawn (no copy of a large parent's page tables), signal mask as
 * before cleanup_block(), registered before an interrupt can miss it.
 */
pid_t cleanup_spawn_group(char *const *argv, const char *dir, const char *log)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t old;
	pid_t pid;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	if (dir)
		posix_spawn_file_actions_addchdir_np(&fa, dir);
	posix_spawnattr_init(&attr);
	cleanup_block(&old);
	posix_spawnattr_setsigmask(&attr, &old);	/* not the blocked one */
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
	rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
	if (!rc)
		cleanup_add_group(pid);
	cleanup_unblock(&old);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	if (rc) {
		errno = rc;
		return -1;
	}
	return pid;
}

pid_t cleanup_fork_child(void)
{
	sigset_t old;
	pid_t pid;

	cleanup_block(&old);
	pid = fork();
	if (!pid) {
		/* the parent's handler would remove the parent's files */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		setpgid(0, 0);
	} else if (pid > 0) {
		setpgid(pid, pid);	/* both sides: no window without a group */
		child = pid;
	}
	cleanup_unblock(&old);
	return pid;
}

void cleanup_child_done(void)
{
	child = 0;
}

/* getdents64's record; glibc's readdir allocates, which a handler must not. */
struct dirent64_rec {
	unsigned long long ino;
	long long off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* Remove name (relative to dirfd) and all below it, without allocating. */
static void remove_tree_at(int dirfd, const char *name, int depth)
{
	char buf[4096];
	long n;
	int fd;

	if (!unlinkat(dirfd, name, 0) || errno == ENOENT || depth > 64)
		return;
	fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64_rec *d = (struct dirent64_rec *)(buf + off);

			off += d->reclen;
			if (strcmp(d->name, ".") && strcmp(d->name, ".."))
				remove_tree_at(fd, d->name, depth + 1);
		}
	}
	close(fd);
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

void cleanup_remove_tree(const char *path)
{
	remove_tree_at(AT_FDCWD, path, 0);
}

void cleanup_run(void)
{
	int saved = errno;
	pid_t pid = child;

	if (pid > 0) {
		kill(-pid, SIGKILL);	/* gcc and the cc1/as it runs */
		waitpid(pid, NULL, 0);
	}
	/* newest first: the files in a directory go before the directory */
	for (size_t i = n_entries; i-- > 0;) {
		const struct entry *e = &entries[i];

		if (e->kind == ENTRY_GROUP) {
			/* its own handler removes its files: ended before ours go */
			kill(-e->pid, SIGTERM);
			waitpid(e->pid, NULL, 0);
		} else if (e->kind == ENTRY_FILE)
			unlink(e->path);
		else if (e->kind == ENTRY_EMPTY_DIR)
			rmdir(e->path);
		else
			remove_tree_at(AT_FDCWD, e->path, 0);
	}
	errno = saved;
}
