/*
 * Shared helpers of the libFuzzer targets: a private scratch directory and a
 * fopen() guard. fuzz/build.sh compiles the src/ files with
 * -Dfopen=klp_fuzz_fopen -Dopen=klp_fuzz_open, so every file src/ opens goes
 * through klp_fuzz_fopen or klp_fuzz_open: only relative paths without ".." (files in the scratch
 * directory, the process's working directory) are opened; anything else fails
 * with ENOENT. This keeps fuzzed "@/dev/zero" response files and similar from
 * reading the machine; libFuzzer's own file accesses are not affected.
 */
#ifndef KLP_CCP_FUZZ_COMMON_H
#define KLP_CCP_FUZZ_COMMON_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *klp_fuzz_fopen(const char *path, const char *mode);
int klp_fuzz_open(const char *path, int flags, ...);

/*
 * Files src/ may still open for the current input (< 0: no limit). A
 * response file including itself is read 2000 times before klp-ccp gives up
 * (tests/errors covers that); the fuzzer would spend most of its time there.
 */
static int fuzz_open_budget = -1;

FILE *klp_fuzz_fopen(const char *path, const char *mode)
{
	if (path[0] == '/' || strstr(path, "..")) {
		errno = ENOENT;
		return NULL;
	}
	if (fuzz_open_budget == 0) {
		errno = EMFILE;
		return NULL;
	}
	if (fuzz_open_budget > 0)
		fuzz_open_budget--;
	return fopen(path, mode);
}

/* The same guard for open(2) (-Dopen=klp_fuzz_open: read_file uses it). */
int klp_fuzz_open(const char *path, int flags, ...)
{
	if (path[0] == '/' || strstr(path, "..")) {
		errno = ENOENT;
		return -1;
	}
	if (fuzz_open_budget == 0) {
		errno = EMFILE;
		return -1;
	}
	if (fuzz_open_budget > 0)
		fuzz_open_budget--;
	return open(path, flags & ~O_CREAT);	/* src/ only reads through it */
}

static char fuzz_dir[64];

/* At exit: empty and remove the scratch directory (it holds no subdirectory). */
static void fuzz_remove_scratch_dir(void)
{
	DIR *d = opendir(fuzz_dir);
	struct dirent *e;
	char path[400];

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", fuzz_dir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(fuzz_dir);
}

/* Create a scratch directory once and make it the working directory. */
static const char *fuzz_scratch_dir(void)
{
	char *dir = fuzz_dir;

	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof(fuzz_dir), "%s/klp-fuzz-XXXXXX", t && strlen(t) < 40 ? t : "/tmp");
		if (!mkdtemp(dir) || chdir(dir)) {
			perror("fuzz scratch dir");
			abort();
		}
		atexit(fuzz_remove_scratch_dir);
	}
	return dir;
}

static void fuzz_write(const char *name, const void *data, size_t size)
{
	FILE *f;

	f = fopen(name, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f)) {
		perror(name);
		abort();
	}
}

#endif
