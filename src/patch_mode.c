/*
 * --patch mode: the functions to patch are derived from the fix itself by
 * compiling the unit before and after it and comparing the code function by
 * function. Everything happens in a scratch directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/patch_mode.h"

/* ---- running programs ---- */

/* Run argv (no shell) with stdout+stderr into *out; exit status or -1. */
static int run_program(char *const *argv, struct strbuf *out)
{
	int pipefd[2], status;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	if (pipe(pipefd))
		return -1;
	pid = fork();
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
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *first_line(const struct strbuf *sb)
{
	const char *s = sb->buf ? sb->buf : "";

	return xstrndup(s, strcspn(s, "\n"));
}

/* ---- reading the patch ---- */

struct patch_file {
	char *path;		/* in the user's tree, relative to cwd */
	struct strlist touched;	/* original line numbers touched, as decimal strings */
};

struct patch_info {
	struct patch_file *files;
	size_t n, cap;
	int strip;		/* -p level */
	long long shifts[64];	/* how far lines below each hunk moved */
	size_t n_shifts;
};

static const char *strip_components(const char *p, int n)
{
	while (n-- > 0) {
		const char *slash = strchr(p, '/');

		if (!slash)
			return NULL;
		p = slash + 1;
	}
	return p;
}

static char *target_of(const char *line)
{
	size_t n = strcspn(line, "\t\n");

	while (n && line[n - 1] == ' ')
		n--;
	return xstrndup(line, n);
}

/* Original line numbers a hunk removes or inserts before. */
static void hunk_lines(const char **pos, struct patch_file *pf, struct patch_info *pi)
{
	const char *p = *pos;
	unsigned orig = 0, n = 0;
	long long shift = pi->n_shifts ? pi->shifts[pi->n_shifts - 1] : 0;

	sscanf(p, "@@ -%u", &orig);
	if (sscanf(p, "@@ -%*u,%u", &n) != 1)
		n = 1;
	p = strchr(p, '\n');
	while (p && *++p && (*p == ' ' || *p == '-' || *p == '+' || *p == '\\')) {
		if (*p == '-' || *p == '+')
			strlist_push_owned(&pf->touched, xasprintf("%u", orig));
		shift += (*p == '+') - (*p == '-');
		if (*p == ' ' || *p == '-')
			orig++;
		p = strchr(p, '\n');
	}
	*pos = p ? p : *pos + strlen(*pos);
	if (pi->n_shifts < sizeof(pi->shifts) / sizeof(pi->shifts[0]))
		pi->shifts[pi->n_shifts++] = shift;
}

static int read_patch(const char *text, struct patch_info *pi)
{
	const char *p = text;
	struct patch_file *cur = NULL;

	while (p && *p) {
		if (!strncmp(p, "+++ ", 4)) {
			cur = ARRAY_PUSH(pi->files, pi->n, pi->cap);
			memset(cur, 0, sizeof(*cur));
			cur->path = target_of(p + 4);
		} else if (!strncmp(p, "@@ -", 4) && cur) {
			hunk_lines(&p, cur, pi);
			continue;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return pi->n ? 0 : -1;
}

/* The -p level that makes every target an existing file. */
static int choose_strip(struct patch_info *pi)
{
	for (int strip = 1; strip >= 0; strip--) {
		bool all = true;

		for (size_t i = 0; i < pi->n && all; i++) {
			const char *rel = strip_components(pi->files[i].path, strip);

			all = rel && !access(rel, R_OK);
		}
		if (all) {
			pi->strip = strip;
			for (size_t i = 0; i < pi->n; i++) {
				char *rel = xstrdup(strip_components(pi->files[i].path, strip));

				free(pi->files[i].path);
				pi->files[i].path = rel;
			}
			return 0;
		}
	}
	return -1;
}

static void patch_info_release(struct patch_info *pi)
{
	for (size_t i = 0; i < pi->n; i++) {
		free(pi->files[i].path);
		strlist_release(&pi->files[i].touched);
	}
	free(pi->files);
}

/* ---- what the patch touches ---- */

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* Only the unit's own source can be patched here: say what to do otherwise. */
static int check_scope(const struct patch_info *pi, const struct gcc_cmdline *cl)
{
	bool own = false;

	for (size_t i = 0; i < pi->n; i++) {
		const char *path = pi->files[i].path;

		if (same_file(path, cl->input)) {
			own = true;
		} else if (ends_with(path, ".h")) {
			diag_error("the patch changes header '%s'; --patch derives functions only from changes to %s: every unit including '%s' needs its own extraction, with the functions using what changed given by --patched-functions",
				   path, cl->input, path);
			return -1;
		} else {
			diag_error("the patch also changes '%s', another translation unit: extract it separately (--patch with its own command line)",
				   path);
			return -1;
		}
	}
	if (!own)
		diag_error("the patch does not change %s", cl->input);
	return own ? 0 : -1;
}

/* "struct foo {" and not "struct foo *f(void) {" or "struct foo x = {". */
static bool is_record_head(const char *kw, const char *brace)
{
	for (const char *q = kw; q < brace; q++)
		if (strchr("=;(),*", *q))
			return false;
	return true;
}

/* Is line target inside the body of a top-level struct/union definition? */
static bool record_body_at(const char *text, unsigned target, char *name, size_t name_size)
{
	unsigned line = 1, depth = 0, open_line = 0;
	bool in_record = false;
	const char *p = text, *last_kw = NULL;

	for (; *p; p++) {
		if (*p == '\n')
			line++;
		else if (*p == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");

			for (const char *q = p; q < (e ? e : p + strlen(p)); q++)
				line += *q == '\n';
			p = e ? e + 1 : p + strlen(p) - 1;
		} else if (*p == '/' && p[1] == '/') {
			p += strcspn(p, "\n") - 1;
		} else if (!depth && (!strncmp(p, "struct", 6) || !strncmp(p, "union", 5)) &&
			   (p == text || !is_ident_char((unsigned char)p[-1]))) {
			last_kw = p;
		} else if (*p == ';' && !depth) {
			last_kw = NULL;
		} else if (*p == '{') {
			if (!depth++) {
				in_record = last_kw && is_record_head(last_kw, p);
				open_line = line;
				if (in_record)
					snprintf(name, name_size, "%.*s", (int)(p - last_kw), last_kw);
			}
		} else if (*p == '}' && depth && !--depth) {
			if (in_record && target > open_line && target < line)
				return true;
			in_record = false;
			last_kw = NULL;
		}
	}
	return false;
}

static int check_layout(const struct patch_file *pf, const char *path)
{
	char *text = read_file(path, NULL), name[128];
	int rc = 0;

	if (!text)
		return 0;
	for (size_t i = 0; i < pf->touched.n && !rc; i++) {
		unsigned line = (unsigned)atoi(pf->touched.v[i]);

		if (!record_body_at(text, line, name, sizeof(name)))
			continue;
		for (char *q = name; *q; q++)
			if (*q == '\n' || *q == '\t')
				*q = ' ';
		for (size_t k = strlen(name); k && name[k - 1] == ' '; k--)
			name[k - 1] = '\0';
		diag_error_at(path, line, 0,
			      "the patch changes the layout of '%s': a livepatch cannot change data layout (objects in the running kernel keep the old one); use shadow variables instead",
			      name);
		rc = -1;
	}
	free(text);
	return rc;
}

/* ---- scratch area ---- */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static char *copy_to(const char *src, const char *dst, const char *prefix)
{
	size_t len;
	char *text = read_file(src, &len), *dir = xstrdup(dst);
	FILE *f;

	if (!text) {
		free(dir);
		return NULL;
	}
	for (char *q = strchr(dir + 1, '/'); q; q = strchr(q + 1, '/')) {
		*q = '\0';
		mkdir(dir, 0700);
		*q = '/';
	}
	free(dir);
	f = fopen(dst, "w");
	if (f) {
		fputs(prefix, f);
		fwrite(text, 1, len, f);
		fclose(f);
	}
	free(text);
	return f ? xstrdup(dst) : NULL;
}

static int apply_patch(const char *patch, const struct patch_info *pi, const char *scratch)
{
	char *tree = xasprintf("%s/tree", scratch), *strip = xasprintf("-p%d", pi->strip);
	char *abs_patch = realpath(patch, NULL);
	struct strbuf out = { 0 };
	int rc = 0;

	for (size_t i = 0; i < pi->n && !rc; i++) {
		char *dst = xasprintf("%s/%s", tree, pi->files[i].path), *c;

		c = copy_to(pi->files[i].path, dst, "");
		rc = c ? 0 : -1;
		free(c);
		free(dst);
	}
	if (!rc) {
		char *argv[] = { "patch", strip, "-d", tree, "-i", abs_patch ? abs_patch : "",
				 "--batch", "--forward", "--no-backup-if-mismatch", "-r", "-", NULL };
		rc = run_program(argv, &out) ? -1 : 0;
		if (rc) {
			char *l = first_line(&out);

			diag_error("%s: the patch does not apply to %s: %s", patch, pi->files[0].path, l);
			free(l);
		}
	}
	sb_release(&out);
	free(tree);
	free(strip);
	free(abs_patch);
	return rc;
}

/* ---- compiling both versions ---- */

static bool drops_next(const char *a)
{
	return !strcmp(a, "-MF") || !strcmp(a, "-MT") || !strcmp(a, "-MQ") || !strcmp(a, "-o");
}

static bool drops(const char *a)
{
	return !strncmp(a, "-Wp,-M", 6) || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
	       !strcmp(a, "-M") || !strcmp(a, "-MM");
}

/* The original command line, compiling input into dir/out.o for comparison. */
static char **compile_argv(const struct gcc_cmdline *cl, const char *input, const char *dir,
			   const char *iquote)
{
	struct strlist v = { 0 };

	strlist_push(&v, cl->compiler);
	for (size_t i = 0; i < cl->args.n; i++) {
		const char *a = cl->args.v[i];

		if (drops_next(a)) {
			i++;
			continue;
		}
		if (drops(a))
			continue;
		strlist_push(&v, strcmp(a, cl->input) ? a : input);
	}
	if (iquote) {
		strlist_push(&v, "-iquote");
		strlist_push(&v, iquote);
	}
	strlist_push(&v, "-ffunction-sections");
	strlist_push(&v, "-fdata-sections");
	strlist_push(&v, "-fdump-ipa-clones");
	strlist_push(&v, "-o");
	strlist_push_owned(&v, xasprintf("%s/out.o", dir));
	strlist_push_owned(&v, NULL);
	return v.v;
}

static int compile_in(const struct gcc_cmdline *cl, const char *input, const char *dir,
		      const char *iquote, const char *what)
{
	char **argv = compile_argv(cl, input, dir, iquote);
	struct strbuf out = { 0 };
	int rc;

	mkdir(dir, 0700);
	rc = run_program(argv, &out);
	if (rc) {
		char *l = first_line(&out);

		diag_error("compiling the %s %s failed: %s", what, cl->input, l);
		free(l);
	}
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
	sb_release(&out);
	return rc ? -1 : 0;
}

/* ---- deriving the functions ---- */

static char *joined(const struct strlist *l)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < l->n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", l->v[i]);
	return sb_detach(&sb);
}

static void note_list(const char *what, const struct strlist *l)
{
	char *s;

	if (!l->n)
		return;
	s = joined(l);
	diag_note("%s: %s", what, s);
	free(s);
}

/* Line-only must mean: moved by as many lines as the patch moves code there. */
static bool is_patch_shift(const struct patch_info *pi, long long delta)
{
	for (size_t i = 0; i < pi->n_shifts; i++)
		if (pi->shifts[i] == delta)
			return true;
	return false;
}

static void recheck_line_only(struct changed_result *r, const struct patch_info *pi)
{
	struct strlist kept = { 0 };
	size_t k = 0;

	for (size_t i = 0; i < r->line_only.n; i++) {
		if (is_patch_shift(pi, r->line_delta[i])) {
			r->line_delta[k++] = r->line_delta[i];
			strlist_push(&kept, r->line_only.v[i]);
		} else {
			strlist_push(&r->changed, r->line_only.v[i]);
		}
	}
	strlist_release(&r->line_only);
	r->line_only = kept;
}

static int derive(const char *scratch, const char *patch, const struct patch_info *pi,
		  struct patch_plan *plan)
{
	char *a = xasprintf("%s/orig/out.o", scratch), *b = xasprintf("%s/patched/out.o", scratch);
	struct changed_result r;
	int rc;

	memset(&r, 0, sizeof(r));
	rc = changed_set_compute(a, b, &r);

	free(a);
	free(b);
	if (rc)
		return -1;
	recheck_line_only(&r, pi);
	note_list("functions whose only change is moved line numbers (not patched)", &r.line_only);
	note_list("functions the patch adds (copied where used)", &r.added);
	note_list("functions the patch removes", &r.removed);
	for (size_t i = 0; i < r.changed.n; i++)
		strlist_push(&plan->functions, r.changed.v[i]);
	if (!plan->functions.n) {
		diag_error("%s: the patch changes the code of no function%s", patch,
			   r.line_only.n ? " (only line numbers moved)" : " (comments or formatting only?)");
		rc = -1;
	} else {
		char *s = joined(&plan->functions);

		fprintf(stderr, "klp-ccp: derived patched functions: %s\n", s);
		free(s);
	}
	changed_result_release(&r);
	return rc;
}

static int prepare_in(const char *patch, const struct gcc_cmdline *cl, struct patch_plan *plan)
{
	struct patch_info pi = { 0 };
	char *text = read_file(patch, NULL), *patched_src = NULL, *prefix, *src_dir, *copy;
	int rc = -1;

	if (!text) {
		diag_error("%s: %s", patch, strerror(errno));
		return -1;
	}
	if (read_patch(text, &pi) || choose_strip(&pi)) {
		diag_error("%s: not a patch to files under the current directory (no '+++ FILE' line naming an existing file)",
			   patch);
		goto out;
	}
	if (check_scope(&pi, cl) || check_layout(&pi.files[0], pi.files[0].path) ||
	    apply_patch(patch, &pi, plan->scratch))
		goto out;
	patched_src = xasprintf("%s/tree/%s", plan->scratch, pi.files[0].path);
	/* the copy keeps the original's name for __FILE__ and diagnostics */
	prefix = xasprintf("#line 1 \"%s\"\n", cl->input);
	copy = xasprintf("%s/patched-src/%s", plan->scratch, pi.files[0].path);
	plan->patched_input = copy_to(patched_src, copy, prefix);
	free(copy);
	free(prefix);
	copy = xstrdup(cl->input);
	src_dir = xstrdup(dirname(copy));
	free(copy);
	plan->iquote = src_dir;
	plan->ipa_dump = xasprintf("%s/orig", plan->scratch);
	copy = xasprintf("%s/patched", plan->scratch);
	if (!plan->patched_input ||
	    compile_in(cl, cl->input, plan->ipa_dump, NULL, "original") ||
	    compile_in(cl, plan->patched_input, copy, src_dir, "patched")) {
		free(copy);
		goto out;
	}
	free(copy);
	rc = derive(plan->scratch, patch, &pi, plan);
out:
	free(patched_src);
	free(text);
	patch_info_release(&pi);
	return rc;
}

int patch_mode_prepare(const char *patch, const struct gcc_cmdline *cl, struct patch_plan *plan)
{
	char tmpl[] = "/tmp/klp-ccp-patch-XXXXXX";

	memset(plan, 0, sizeof(*plan));
	if (!mkdtemp(tmpl)) {
		diag_error("cannot create a scratch directory: %s", strerror(errno));
		return -1;
	}
	plan->scratch = xstrdup(tmpl);
	return prepare_in(patch, cl, plan);
}

void patch_plan_release(struct patch_plan *plan)
{
	if (plan->scratch)
		nftw(plan->scratch, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(plan->scratch);
	free(plan->patched_input);
	free(plan->ipa_dump);
	free(plan->iquote);
	free(plan->source);
	strlist_release(&plan->functions);
	memset(plan, 0, sizeof(*plan));
}
