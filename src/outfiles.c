/*
 * Output files (outfiles.h). Each is written to a temporary beside it,
 * registered for cleanup before its first byte; the temporaries are renamed
 * over the outputs once all are written. Replaced outputs keep a hard-linked
 * backup until every rename has succeeded, so a failing rename (an immutable
 * file, another user's file in a sticky directory) restores the earlier ones.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/outfiles.h"

#define TEMP_SUFFIX ".klp-ccp-XXXXXX"

/* A template beside path; a long basename is shortened so the suffix fits NAME_MAX. */
static char *temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	size_t base_len = strlen(path + dir_len), max = NAME_MAX - (sizeof(TEMP_SUFFIX) - 1);

	return xasprintf("%.*s%.*s" TEMP_SUFFIX, (int)dir_len, path,
			 (int)(base_len < max ? base_len : max), path + dir_len);
}

static void drop_temp(char **tmp)
{
	if (!*tmp)
		return;
	unlink(*tmp);
	cleanup_forget(*tmp);
	free(*tmp);
	*tmp = NULL;
}

/* Write text to a new temporary file beside path; its name in *tmp. */
static int write_temp(const char *path, const char *text, size_t len, char **tmp)
{
	mode_t mask = umask(0);
	int fd, err;

	umask(mask);
	*tmp = temp_template(path);
	fd = cleanup_mkstemp(*tmp);
	if (fd < 0) {
		diag_error("cannot write '%s': %s", path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	fchmod(fd, 0666 & ~mask);
	err = write_fd_all(fd, text, len);
	if (close(fd) && !err)
		err = errno;
	if (err) {
		diag_error("cannot write '%s': %s", path, strerror(err));
		drop_temp(tmp);
		return -1;
	}
	return 0;
}

/* Renaming must not fail half way: only regular files (or nothing) are replaced. */
static int check_destination(const char *path)
{
	struct stat st;

	if (lstat(path, &st) || S_ISREG(st.st_mode))
		return 0;
	diag_error("cannot write '%s': %s", path,
		   S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
	return -1;
}

/*
 * A second name for an existing output, to put it back with: a hard link,
 * or where the file system has none, the file moved aside (then not
 * registered for cleanup: an interrupt must not lose it). *bak NULL: the
 * output does not exist yet.
 */
static int make_backup(const char *path, char **bak, bool *moved)
{
	struct stat st;
	int fd;

	*bak = NULL;
	*moved = false;
	if (lstat(path, &st))
		return 0;
	*bak = temp_template(path);
	fd = cleanup_mkstemp(*bak);
	if (fd >= 0) {
		close(fd);
		if (!unlink(*bak) && !link(path, *bak))
			return 0;
		if (errno == EXDEV || errno == EMLINK || errno == ENOTSUP || errno == ENOSYS ||
		    errno == EPERM) {
			if (!rename(path, *bak)) {
				*moved = true;
				cleanup_forget(*bak);
				return 0;
			}
		}
	}
	diag_error("cannot write '%s': %s", path, strerror(errno));
	drop_temp(bak);
	return -1;
}

/*
 * Put outputs back as they were: [0, renamed) were replaced, those up to
 * last may have been moved aside.
 */
static void restore(const char *const *paths, char **baks, const bool *moved, size_t renamed,
		    size_t last)
{
	for (size_t i = 0; i <= last; i++) {
		bool replaced = i < renamed;

		if (baks[i] && (replaced || moved[i]) && !rename(baks[i], paths[i])) {
			cleanup_forget(baks[i]);
			free(baks[i]);
			baks[i] = NULL;
		} else if (!baks[i] && replaced) {
			unlink(paths[i]);
		}
	}
}

/* Rename every temporary into place, or undo the ones done. */
static int commit(const char *const *paths, char **tmps, char **baks, const bool *moved,
		  size_t n)
{
	size_t done;

	for (done = 0; done < n; done++) {
		if (rename(tmps[done], paths[done]))
			break;
		cleanup_forget(tmps[done]);
		free(tmps[done]);
		tmps[done] = NULL;
	}
	if (done == n)
		return 0;
	diag_error("cannot write '%s': %s", paths[done], strerror(errno));
	restore(paths, baks, moved, done, done);
	return -1;
}

int write_files_atomically(const char *const *paths, const struct strbuf *texts, size_t n)
{
	char **tmps = xcalloc(n, sizeof(char *)), **baks = xcalloc(n, sizeof(char *));
	bool *moved = xcalloc(n, sizeof(bool));
	size_t i;
	int rc = 0;

	for (i = 0; i < n && !rc; i++)
		rc = check_destination(paths[i]);
	for (i = 0; i < n && !rc; i++)
		rc = write_temp(paths[i], texts[i].buf ? texts[i].buf : "", texts[i].len, &tmps[i]);
	/* the last rename has nothing after it that could fail */
	for (i = 0; i + 1 < n && !rc; i++)
		rc = make_backup(paths[i], &baks[i], &moved[i]);
	if (!rc)
		rc = commit(paths, tmps, baks, moved, n);
	else if (i > 0)
		restore(paths, baks, moved, 0, i - 1);	/* the ones moved aside */
	for (i = 0; i < n; i++) {
		drop_temp(&tmps[i]);
		drop_temp(&baks[i]);
	}
	free(tmps);
	free(baks);
	free(moved);
	return rc;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static bool same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

bool same_destination(const char *a, const char *b)
{
	struct stat sa, sb;
	char *da, *db;
	const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
	bool same;

	if (!stat(a, &sa) && !stat(b, &sb))
		return same_inode(&sa, &sb);	/* hard links, symlinks, other spellings */
	da = dir_of(a);
	db = dir_of(b);
	same = !strcmp(ba ? ba + 1 : a, bb ? bb + 1 : b) && !stat(da, &sa) && !stat(db, &sb) &&
	       same_inode(&sa, &sb);
	free(da);
	free(db);
	return same;
}
