/*
 * --patch mode: the functions to patch are derived from the fix itself by
 * compiling the unit before and after it and comparing the code function by
 * function. Everything happens in a scratch directory.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/patch_explain.h"
#include "klp-ccp/patch_mode.h"
#include "klp-ccp/patch_read.h"

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

/* ---- what the patch touches ---- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/*
 * The unit's own source and the headers it reads can be patched here; other
 * units need their own extraction. *own is the unit's entry, or -1 when the
 * patch changes only headers.
 */
static int check_scope(const struct patch_info *pi, const struct gcc_cmdline *cl, int *own)
{
	*own = -1;
	for (size_t i = 0; i < pi->n; i++) {
		const char *path = pi->files[i].path;

		if (same_file(path, cl->input)) {
			*own = (int)i;
		} else if (!ends_with(path, ".h")) {
			diag_error("the patch also changes '%s', another translation unit: extract it separately (--patch with its own command line)",
				   path);
			return -1;
		}
	}
	return 0;
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
		/* its messages in English: patch_apply.c reads them */
		char *argv[] = { "env", "LC_ALL=C", "patch", strip, "-d", tree, "-i", abs_patch ? abs_patch : "",
				 "--batch", "--forward", "--no-backup-if-mismatch", "-r", "-", NULL };
		int status = internal_run(argv, &out);

		rc = patch_apply_report(pi->origin->name, pi, out.buf ? out.buf : "", status);
	}
	sb_release(&out);
	free(tree);
	free(strip);
	free(abs_patch);
	return rc;
}

/* ---- headers the patch changes ---- */

/*
 * A patched header, and how the patched compile is made to read its patched
 * copy instead: GCC's search order is kept, only the one directory it was
 * found through gets a scratch twin in front of it.
 */
struct patched_header {
	const char *path;	/* as the patch names it, relative to the cwd */
	unsigned line;		/* first line the patch touches */
	const struct patch_file *pf;
	char *seen_as;		/* as GCC opened it in the original compile; NULL: not read */
	unsigned depth;		/* 1: included by the source file itself */
	char *includer;		/* depth > 1: the header that included it first */
	char *copy;		/* where the patched compile finds the patched text */
	char *overlay;		/* directory to search before cl->args[before], or NULL */
	size_t before;
	const char *opt;	/* the option naming that directory: -I, -iquote, ... */
	bool pre_include;	/* named by -include: the argument is replaced */
};

struct header_set {
	struct patched_header *v;
	size_t n, cap;
};

static void header_set_release(struct header_set *hs)
{
	for (size_t i = 0; i < hs->n; i++) {
		free(hs->v[i].seen_as);
		free(hs->v[i].includer);
		free(hs->v[i].copy);
		free(hs->v[i].overlay);
	}
	free(hs->v);
}

/* Calls fn for every file the -H output says GCC read; stops at nonzero. */
static int for_each_read(const struct strbuf *out, int (*fn)(const char *path, unsigned depth, void *arg),
			 void *arg)
{
	const char *p = out->buf ? out->buf : "";

	while (*p) {
		size_t len = strcspn(p, "\n"), plen;
		unsigned depth;
		const char *path = internal_h_line(p, len, &depth, &plen);

		if (path) {
			char *s = xstrndup(path, plen);
			int rc = fn(s, depth, arg);

			free(s);
			if (rc)
				return rc;
		}
		p += len + (p[len] == '\n');
	}
	return 0;
}

/* Looking for a header in the -H listing, and the file that first included it. */
struct seen_search {
	struct patched_header *h;
	char *parents[64];	/* last file read at each depth */
};

static int note_seen(const char *path, unsigned depth, void *arg)
{
	struct seen_search *s = arg;
	struct patched_header *h = s->h;

	if (same_file(path, h->path)) {
		h->seen_as = xstrdup(path);
		h->depth = depth;
		if (depth > 1 && s->parents[depth - 1])
			h->includer = xstrdup(s->parents[depth - 1]);
		return 1;
	}
	if (depth < 64) {
		free(s->parents[depth]);
		s->parents[depth] = xstrdup(path);
	}
	return 0;
}

static bool find_seen(struct patched_header *h, const struct strbuf *orig_out)
{
	struct seen_search s = { h, { 0 } };
	bool found = for_each_read(orig_out, note_seen, &s);

	for (size_t i = 0; i < 64; i++)
		free(s.parents[i]);
	return found;
}

static const char *const dir_opts[] = { "-I", "-iquote", "-isystem", "-idirafter", NULL };

/* The include directory args->v[i] names, and the option naming it. */
static const char *include_dir(const struct strlist *args, size_t i, const char **opt)
{
	const char *a = args->v[i];

	for (const char *const *o = dir_opts; *o; o++) {
		size_t n = strlen(*o);

		if (strncmp(a, *o, n))
			continue;
		*opt = *o;
		if (a[n])
			return a + n;
		return i + 1 < args->n ? args->v[i + 1] : NULL;
	}
	return NULL;
}

/* path without the directory dir it starts with, or NULL */
static const char *below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n && dir[n - 1] == '/')
		n--;
	if (strncmp(path, dir, n) || (n && path[n] != '/'))
		return NULL;
	path += n;
	while (*path == '/')
		path++;
	return path;
}

/* An -include of the header: the patched compile names the copy instead. */
static bool place_pre_include(struct patched_header *h, const struct gcc_cmdline *cl,
			      const char *root)
{
	for (size_t i = 0; i + 1 < cl->args.n; i++) {
		if (strcmp(cl->args.v[i], "-include") || !same_file(cl->args.v[i + 1], h->path))
			continue;
		h->copy = xasprintf("%s/%s", root, h->path);
		h->seen_as = xstrdup(cl->args.v[i + 1]);
		h->pre_include = true;
		return true;
	}
	return false;
}

/*
 * Where the patched compile must find the patched copy: beside the source's
 * scratch copy when the source includes it from its own directory, else in a
 * twin of the include directory it was found through.
 */
static int place_header(struct patched_header *h, size_t k, const struct gcc_cmdline *cl,
			const char *root, const char *gcc_src)
{
	const char *slash = strrchr(cl->input, '/');
	char *src_dir = xstrndup(cl->input, slash ? (size_t)(slash - cl->input) : 0);
	char *copy_dir = xstrndup(gcc_src, (size_t)(strrchr(gcc_src, '/') - gcc_src));
	const char *rel = h->depth == 1 ? below(h->seen_as, src_dir) : NULL;

	if (rel) {
		h->copy = xasprintf("%s/%s", copy_dir, rel);
	} else {
		for (size_t i = 0; i < cl->args.n && !h->copy; i++) {
			const char *dir = include_dir(&cl->args, i, &h->opt);

			rel = dir ? below(h->seen_as, dir) : NULL;
			if (!rel)
				continue;
			h->overlay = xasprintf("%s/%zu", root, k);
			h->before = i;
			h->copy = xasprintf("%s/%s", h->overlay, rel);
		}
	}
	free(src_dir);
	free(copy_dir);
	if (h->copy)
		return 0;
	diag_error_at(h->path, h->line, 0,
		      "cannot make the patched compile of %s read the patched header: GCC finds it as '%s', not through an include directory of the command line",
		      cl->input, h->seen_as);
	return -1;
}

/* ---- compiling both versions ---- */

/* The overlay directories to search before args->v[i], with its option. */
static void push_overlays(struct strlist *v, const struct header_set *hs, size_t i)
{
	for (size_t k = 0; hs && k < hs->n; k++) {
		if (!hs->v[k].overlay || hs->v[k].before != i)
			continue;
		strlist_push(v, hs->v[k].opt);
		strlist_push(v, hs->v[k].overlay);
	}
}

static const char *pre_include_copy(const struct header_set *hs, const char *arg)
{
	for (size_t k = 0; hs && k < hs->n; k++)
		if (hs->v[k].pre_include && same_file(arg, hs->v[k].path))
			return hs->v[k].copy;
	return arg;
}

/*
 * The original command line, compiling input into dir/out.o for comparison,
 * with -H so we know which headers it read; hs (patched compile only) makes
 * it read the patched headers.
 */
static char **compile_argv(const struct gcc_cmdline *cl, const char *input, const char *dir,
			   const char *iquote, const struct header_set *hs)
{
	struct strlist v = { 0 };

	strlist_push(&v, cl->compiler);
	for (size_t i = 0; i < cl->args.n; i++) {
		size_t at = i;
		char *own = internal_compile_arg(&cl->args, &i);
		const char *a = own;

		if (!own)
			continue;
		push_overlays(&v, hs, at);
		if (at && !strcmp(cl->args.v[at - 1], "-include"))
			a = pre_include_copy(hs, a);
		strlist_push(&v, strcmp(a, cl->input) ? a : input);
		free(own);
	}
	if (iquote) {
		strlist_push(&v, "-iquote");
		strlist_push(&v, iquote);
	}
	strlist_push(&v, "-H");
	strlist_push(&v, "-ffunction-sections");
	strlist_push(&v, "-fdata-sections");
	strlist_push(&v, "-fdump-ipa-clones");
	strlist_push(&v, "-o");
	strlist_push_owned(&v, xasprintf("%s/out.o", dir));
	strlist_push_owned(&v, NULL);
	return v.v;
}

/* Compile into dir/out.o; GCC's output (with the -H listing) in *out. */
static int compile_in(const struct gcc_cmdline *cl, const char *input, const char *dir,
		      const char *iquote, const struct header_set *hs, const char *what,
		      struct strbuf *out)
{
	char **argv = compile_argv(cl, input, dir, iquote, hs);
	int rc;

	mkdir(dir, 0700);
	rc = internal_run(argv, out);
	if (rc) {
		char *l = internal_first_message(out);

		diag_error("compiling the %s %s failed: %s", what, cl->input, l);
		free(l);
	}
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
	return rc ? -1 : 0;
}

static int still_unpatched(const char *path, unsigned depth, void *arg)
{
	const struct patched_header *h = arg;

	return same_file(path, h->path);
}

/* The patched compile must not have read any unpatched header (gcc -H). */
static int check_patched_read(const struct header_set *hs, const struct strbuf *out,
			      const struct gcc_cmdline *cl)
{
	for (size_t k = 0; k < hs->n; k++) {
		const struct patched_header *h = &hs->v[k];

		if (!for_each_read(out, still_unpatched, (void *)h))
			continue;
		diag_error_at(h->path, h->line, 0,
			      "cannot make the patched compile of %s read the patched header: GCC still finds the original (included as '%s' from a file outside the scratch copies)",
			      cl->input, h->seen_as);
		return -1;
	}
	return 0;
}

/* ---- deriving the functions ---- */

static char *joined_by(const struct strlist *l, const char *sep)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < l->n; i++)
		sb_addf(&sb, "%s%s", i ? sep : "", l->v[i]);
	return sb_detach(&sb);
}

static char *joined(const struct strlist *l)
{
	return joined_by(l, ", ");
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
	char *tree = xasprintf("%s/tree", scratch), *patched_dump = xasprintf("%s/patched", scratch);
	struct patch_explain_ctx ex = { pi, tree, plan->ipa_dump, patched_dump };
	struct changed_result r;
	int rc;

	memset(&r, 0, sizeof(r));
	rc = changed_set_compute(a, b, &r);

	free(a);
	free(b);
	if (rc)
		goto out;
	recheck_line_only(&r, pi);
	note_list("functions whose only change is moved line numbers (not patched)", &r.line_only);
	patch_explain_moved(&ex, &r);
	note_list("functions the patch adds (copied where used)", &r.added);
	note_list("functions the patch removes", &r.removed);
	for (size_t i = 0; i < r.changed.n; i++)
		strlist_push(&plan->functions, r.changed.v[i]);
	if (!plan->functions.n) {
		char *why = patch_explain_no_code(&ex);

		diag_error("%s: the patch changes the code of no function: %s%s", patch, why,
			   r.line_only.n ? "; only line numbers moved" : "");
		free(why);
		rc = -1;
	} else {
		char *s = joined(&plan->functions);

		fprintf(stderr, "klp-ccp: derived patched functions: %s\n", s);
		free(s);
	}
	changed_result_release(&r);
out:
	free(tree);
	free(patched_dump);
	return rc;
}

static int check_layouts(const struct patch_info *pi)
{
	for (size_t i = 0; i < pi->n; i++)
		if (check_layout(&pi->files[i], pi->files[i].path))
			return -1;
	return 0;
}

static void collect_headers(const struct patch_info *pi, int own, struct header_set *hs)
{
	for (size_t i = 0; i < pi->n; i++) {
		struct patched_header *h;

		if ((int)i == own)
			continue;
		h = ARRAY_PUSH(hs->v, hs->n, hs->cap);
		memset(h, 0, sizeof(*h));
		h->path = pi->files[i].path;
		h->pf = &pi->files[i];
		h->line = pi->files[i].touched.n ? (unsigned)atoi(pi->files[i].touched.v[0]) : 1;
	}
}

/* A scratch copy that still names the original, for __FILE__ and diagnostics. */
static char *copy_as(const char *src, const char *dst, const char *name)
{
	char *prefix = xasprintf("#line 1 \"%s\"\n", name), *c = copy_to(src, dst, prefix);

	free(prefix);
	return c;
}

/*
 * Find how the original compile read each patched header, and put the
 * patched text where the patched compile will read it instead.
 */
static int place_headers(struct header_set *hs, const struct strbuf *orig_out,
			 const struct gcc_cmdline *cl, const char *scratch, const char *gcc_src)
{
	char *root = xasprintf("%s/overlay", scratch);
	int rc = 0;

	for (size_t k = 0; k < hs->n && !rc; k++) {
		struct patched_header *h = &hs->v[k];
		char *patched = xasprintf("%s/tree/%s", scratch, h->path), *c;

		if (place_pre_include(h, cl, root)) {
			rc = 0;
		} else if (find_seen(h, orig_out)) {
			rc = place_header(h, k, cl, root, gcc_src);
		} else {
			patch_units_note(h->path, cl);
			diag_error_at(h->path, h->line, 0,
				      "the patch changes this header, which %s does not include: extract the units including it (--patch with their command lines)",
				      cl->input);
			rc = -1;
		}
		if (!rc) {
			c = copy_as(patched, h->copy, h->seen_as);
			rc = c ? 0 : -1;
			free(c);
		}
		free(patched);
	}
	free(root);
	return rc;
}

/* libclang reads the patched headers at their own paths, so lp.c names them. */
static int override_headers(const struct header_set *hs, const char *scratch,
			    struct patch_plan *plan)
{
	for (size_t k = 0; k < hs->n; k++) {
		char *patched = xasprintf("%s/tree/%s", scratch, hs->v[k].path);
		char *text = read_file(patched, NULL);

		free(patched);
		if (!text)
			return -1;
		if (parse_override_file(hs->v[k].seen_as, text)) {
			diag_error_at(hs->v[k].path, hs->v[k].line, 0,
				      "the patch changes too many headers (at most 16)");
			free(text);
			return -1;
		}
		free(text);
		strlist_push(&plan->headers, hs->v[k].path);
	}
	return 0;
}

static void note_headers(const struct header_set *hs, const struct gcc_cmdline *cl, int own,
			 const struct patch_plan *plan)
{
	char *fns = joined(&plan->functions);

	for (size_t k = 0; k < hs->n; k++) {
		if (own < 0)
			diag_note("functions of %s affected by the change to header '%s': %s",
				  cl->input, hs->v[k].path, fns);
		else
			diag_note("the patch changes %s and header '%s': the derived functions are those either change",
				  cl->input, hs->v[k].path);
		patch_units_note(hs->v[k].path, cl);
	}
	free(fns);
}

/*
 * lp.c is built against the unpatched tree: a header the source includes
 * itself is left out and what lp.c needs copied from its patched text. One
 * included first by another header comes back unpatched with the #include
 * of that one: what the patch changes in it is copied under new names
 * (patch_headers.c), so keep which lines changed.
 */
static void note_nested(const struct header_set *hs, struct patch_plan *plan)
{
	for (size_t k = 0; k < hs->n; k++) {
		const struct patched_header *h = &hs->v[k];
		struct nested_header *nh;

		if (h->depth <= 1)
			continue;
		nh = ARRAY_PUSH(plan->nested, plan->n_nested, plan->cap_nested);
		nh->path = xstrdup(h->path);
		nh->includer = xstrdup(h->includer ? h->includer : "another header");
		nh->n_spans = h->pf->n_spans;
		nh->spans = xmalloc((nh->n_spans + 1) * sizeof(*nh->spans));
		memcpy(nh->spans, h->pf->spans, nh->n_spans * sizeof(*nh->spans));
	}
}

/* The patched unit: libclang parses one copy, GCC compiles another beside the patched headers. */
static int copy_sources(const struct gcc_cmdline *cl, int own, const struct patch_info *pi,
			struct patch_plan *plan, char **gcc_src)
{
	char *src = own < 0 ? xstrdup(cl->input) :
		    xasprintf("%s/tree/%s", plan->scratch, pi->files[own].path);
	char *copy = xasprintf("%s/patched-src/%s", plan->scratch, cl->input);

	plan->patched_input = copy_as(src, copy, cl->input);
	free(copy);
	copy = xasprintf("%s/gcc-src/%s", plan->scratch, cl->input);
	*gcc_src = copy_as(src, copy, cl->input);
	free(copy);
	free(src);
	return plan->patched_input && *gcc_src ? 0 : -1;
}

static int prepare_in(const char *patch, const struct patch_origin *origin,
		      const struct gcc_cmdline *cl, struct patch_plan *plan)
{
	struct patch_info pi = { .origin = origin };
	const char *name = origin->name;	/* in diagnostics */
	struct header_set hs = { 0 };
	struct strbuf orig_out = { 0 }, patched_out = { 0 };
	char *text = read_file(patch, NULL), *gcc_src = NULL, *copy, *patched_dir = NULL;
	int own, rc = -1;

	if (!text) {
		diag_error("%s: %s", patch, file_strerror(errno));
		return -1;
	}
	if (patch_read(name, text, &pi))
		goto out;
	if (!pi.n || choose_strip(&pi)) {
		diag_error("%s: not a patch to files under the current directory (no '+++ FILE' line naming an existing file)",
			   name);
		goto out;
	}
	if (check_scope(&pi, cl, &own) || check_layouts(&pi) ||
	    apply_patch(patch, &pi, plan->scratch) || copy_sources(cl, own, &pi, plan, &gcc_src))
		goto out;
	collect_headers(&pi, own, &hs);
	copy = xstrdup(cl->input);
	plan->iquote = xstrdup(dirname(copy));
	free(copy);
	plan->ipa_dump = xasprintf("%s/orig", plan->scratch);
	patched_dir = xasprintf("%s/patched", plan->scratch);
	if (compile_in(cl, cl->input, plan->ipa_dump, NULL, NULL, "original", &orig_out) ||
	    place_headers(&hs, &orig_out, cl, plan->scratch, gcc_src) ||
	    compile_in(cl, gcc_src, patched_dir, plan->iquote, &hs, "patched", &patched_out) ||
	    check_patched_read(&hs, &patched_out, cl) ||
	    override_headers(&hs, plan->scratch, plan))
		goto out;
	rc = derive(plan->scratch, name, &pi, plan);
	if (!rc) {
		note_headers(&hs, cl, own, plan);
		note_nested(&hs, plan);
	}
out:
	sb_release(&orig_out);
	sb_release(&patched_out);
	free(patched_dir);
	free(gcc_src);
	free(text);
	header_set_release(&hs);
	patch_info_release(&pi);
	return rc;
}

int patch_mode_prepare(const char *patch, const char *origin_spec, const struct gcc_cmdline *cl,
		       struct patch_plan *plan)
{
	struct patch_origin origin;
	int rc;

	memset(plan, 0, sizeof(*plan));
	if (patch_origin_parse(origin_spec, patch, &origin))
		return -1;
	plan->scratch = internal_scratch_create("patch");
	rc = plan->scratch ? prepare_in(patch, &origin, cl, plan) : -1;
	patch_origin_release(&origin);
	return rc;
}

void patch_plan_release(struct patch_plan *plan)
{
	if (plan->scratch)
		internal_scratch_remove(plan->scratch);
	free(plan->scratch);
	free(plan->patched_input);
	free(plan->ipa_dump);
	free(plan->iquote);
	strlist_release(&plan->headers);
	for (size_t i = 0; i < plan->n_nested; i++) {
		free(plan->nested[i].path);
		free(plan->nested[i].includer);
		free(plan->nested[i].spans);
	}
	free(plan->nested);
	patch_changes_release();
	parse_override_clear();
	free(plan->source);
	strlist_release(&plan->functions);
	memset(plan, 0, sizeof(*plan));
}
