/*
 * Fault injection for tests/errors/run.sh, loaded with LD_PRELOAD into
 * klp-ccp. Only klp-ccp's temporary files (".klp-ccp-" in the name) are
 * affected:
 *   KLP_SHIM_SLOW_WRITE=TEXT  writing a temporary whose name contains TEXT
 *                             first creates the file $KLP_SHIM_MARK, then
 *                             sleeps 30 s (the test interrupts klp-ccp then)
 *   KLP_SHIM_FAIL_RENAME=NAME renaming a temporary to a path ending in NAME
 *                             fails with EPERM (as for an immutable file)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int is_temp(const char *path, const char *want)
{
	return path && strstr(path, ".klp-ccp-") && want && *want && strstr(path, want);
}

static void maybe_slow(int fd)
{
	char link[64], path[4096];
	ssize_t n;
	int mark;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return;
	path[n] = '\0';
	if (!is_temp(path, getenv("KLP_SHIM_SLOW_WRITE")) || !getenv("KLP_SHIM_MARK"))
		return;
	mark = open(getenv("KLP_SHIM_MARK"), O_WRONLY | O_CREAT, 0644);
	if (mark >= 0)
		close(mark);
	sleep(30);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	maybe_slow(fd);
	return real(fd, buf, n);
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	static size_t (*real)(const void *, size_t, size_t, FILE *);

	if (!real)
		real = (size_t (*)(const void *, size_t, size_t, FILE *))dlsym(RTLD_NEXT, "fwrite");
	maybe_slow(fileno(f));
	return real(buf, size, n, f);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	const char *want = getenv("KLP_SHIM_FAIL_RENAME");
	size_t n = strlen(to), w = want ? strlen(want) : 0;

	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	if (w && n >= w && !strcmp(to + n - w, want) && strstr(from, ".klp-ccp-")) {
		errno = EPERM;
		return -1;
	}
	return real(from, to);
}
