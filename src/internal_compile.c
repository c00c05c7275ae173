/*
 * Compiling with the user's command line inside a scratch directory (the
 * --patch compiles, verify's compile of lp.c): running the compiler, the
 * options that would write files of their own, GCC's first error.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/internal_compile.h"

/* Run argv (no shell) with stdout+stderr into *out; exit status or -1. */
int internal_run(char *const *argv, struct strbuf *out)
{
	int pipefd[2], status, rc;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	if (pipe(pipefd))
		return -1;
	pid = cleanup_fork_child();	/* an interrupt kills it before removing the scratch */
	if (pid < 0)
		return -1;
	if (!pid) {
		int null = open("/dev/null", O_RDONLY);

		dup2(null, 0);
		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pipefd[1]);
	while ((n = read(pipefd[0], buf, sizeof(buf))) > 0)
		if (out)
			sb_addn(out, buf, (size_t)n);
	close(pipefd[0]);
	rc = waitpid(pid, &status, 0);
	cleanup_child_done();
	if (rc < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}


/* gcc -H prints each file it reads as "DOTS PATH", one dot per include level. */
const char *internal_h_line(const char *line, size_t len, unsigned *depth, size_t *plen)
{
	size_t d = 0;

	while (d < len && line[d] == '.')
		d++;
	if (!d || d + 1 >= len || line[d] != ' ')
		return NULL;
	*depth = (unsigned)d;
	*plen = len - d - 1;
	return line + d + 1;
}


/*
 * The internal compiles write only into the scratch directory: options of
 * the user's command line that make GCC (or the assembler, the
 * preprocessor) write a file of their own are left out.
 */
static const char *const output_opts_next[] = {	/* the file is the next argument */
	"-o", "--output", "-MF", "-MT", "-MQ", "-aux-info", "-dumpdir", "-dumpbase",
	"-dumpbase-ext", "-Xassembler", "-Xpreprocessor", "-Xlinker", NULL
};

static const char *const output_opt_prefixes[] = {
	"-o", "--output=", "-M", "-save-temps", "-fdump-", "-d", "-fstack-usage",
	"-fcallgraph-info", "-fprofile-arcs", "-fprofile-generate", "-fprofile-update",
	"-fprofile-note", "-ftest-coverage", "--coverage", "-fopt-info",
	"-fsave-optimization-record", "-aux-info", "-Wl,", NULL
};

static bool has_prefix(const char *a, const char *const *list)
{
	for (; *list; list++)
		if (!strncmp(a, *list, strlen(*list)))
			return true;
	return false;
}

static bool in_opt_list(const char *a, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(a, *list))
			return true;
	return false;
}

/* A part of -Wa,/-Wp, writing a file: 1 drop it, 2 drop it and the next part. */
static int output_part(const char *part, bool assembler)
{
	static const char *const next_as[] = { "--MD", "-o", NULL };
	static const char *const next_cpp[] = { "-MD", "-MMD", "-MF", "-MT", "-MQ", "-o", NULL };

	if (in_opt_list(part, assembler ? next_as : next_cpp))
		return 2;
	if (assembler)
		return !strncmp(part, "-a", 2) || !strncmp(part, "--listing", 9);
	return !strncmp(part, "-M", 2) || !strncmp(part, "-d", 2);
}

/* -Wa,X,Y / -Wp,X,Y without the parts writing files; NULL when none is left. */
static char *filter_parts(const char *a)
{
	bool assembler = a[2] == 'a';
	char *copy = xstrdup(a + 4), *save = NULL;
	struct strbuf kept = { 0 };
	int skip = 0;

	for (char *part = strtok_r(copy, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
		if (skip && skip--)
			continue;
		skip = output_part(part, assembler);
		if (skip && skip--)
			continue;
		sb_addf(&kept, "%s%s", kept.len ? "," : a[2] == 'a' ? "-Wa," : "-Wp,", part);
	}
	free(copy);
	return kept.len ? sb_detach(&kept) : NULL;
}

/* args->v[*i] as the internal compile gets it (owned), or NULL; *i moves past what is dropped. */
char *internal_compile_arg(const struct strlist *args, size_t *i)
{
	const char *a = args->v[*i];

	if (in_opt_list(a, output_opts_next)) {
		++*i;
		return NULL;
	}
	if (!strncmp(a, "-Wa,", 4) || !strncmp(a, "-Wp,", 4))
		return filter_parts(a);
	return has_prefix(a, output_opt_prefixes) ? NULL : xstrdup(a);
}

void internal_push_args(const struct gcc_cmdline *cl, const char *input, struct strlist *v)
{
	for (size_t i = 0; i < cl->args.n; i++) {
		char *a = internal_compile_arg(&cl->args, &i);

		if (a && !strcmp(a, cl->input)) {
			free(a);
			a = xstrdup(input);
		}
		if (a)
			strlist_push_owned(v, a);
	}
}

/* GCC's first error line ("FILE:LINE:COL: error: ...", "cc1: error: ..."). */
static bool error_line(const char *p, size_t len)
{
	const char *e = memmem(p, len, "error: ", 7);

	return e && (e == p || (e >= p + 2 && e[-1] == ' ' && e[-2] == ':'));
}

/* GCC's first error, else its first complaint, not the -H listing before it. */
char *internal_first_message(const struct strbuf *out)
{
	const char *p = out->buf ? out->buf : "", *first = NULL;
	size_t first_len = 0;

	while (*p) {
		size_t len = strcspn(p, "\n"), plen;
		unsigned depth;

		if (error_line(p, len))
			return xstrndup(p, len);
		if (!first && !internal_h_line(p, len, &depth, &plen) && len &&
		    strncmp(p, "Multiple include guards", 23))
			first = p, first_len = len;
		p += len + (p[len] == '\n');
	}
	return first ? xstrndup(first, first_len) : xstrdup("");
}


/* ---- scratch directories ---- */

char *internal_scratch_create(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/klp-ccp-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", what);

	if (!cleanup_mkdtemp(tmpl)) {
		diag_error("cannot create a scratch directory in %s: %s", tmp && *tmp ? tmp : "/tmp",
			   strerror(errno));
		free(tmpl);
		return NULL;
	}
	return tmpl;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void internal_scratch_remove(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	cleanup_forget(dir);
}
