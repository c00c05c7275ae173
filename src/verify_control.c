/*
 * The caller-knowledge control of klp-ccp verify. A patched function that is
 * static in the target was compiled by a GCC that knew all its callers: the
 * values they pass (IPA constant propagation, value ranges, bits), that no
 * one else calls it. lp.c's global copy, called through the livepatch's
 * redirection, cannot have that. The original unit compiled once more with
 * such functions' addresses escaping (a used static pointer to each: GCC then
 * no longer knows all their callers, as for a global function) tells whether
 * that is all: where this build of the function matches lp.c's build, the
 * difference is caller knowledge (VC_CALLERS), which no lp.c reproduces
 * without changing what the function does for other callers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/verify.h"

/* Differs, and static in the target where lp.c's build has it global. */
static bool candidate(const struct verify_objs *o, const struct verify_fn *fn,
		      const struct verify_result *r)
{
	const struct objcmp_func *t, *l;

	if (r->cls == VC_IDENTICAL || r->cls == VC_MISSING || r->cls == VC_LINE)
		return false;
	t = objcmp_find(o->target, fn->name);
	l = objcmp_find(o->lp, fn->lp_name);
	return t && l && !t->global && l->global;
}

/* The original source (#line keeps __FILE__ and __LINE__), then a used
 * pointer to each candidate. */
static bool write_source(const char *path, const char *input, const struct verify_fn *fns,
			 const bool *cand, size_t n)
{
	size_t len;
	char *text = read_file(input, &len);
	FILE *f;
	bool ok;

	if (!text || !(f = fopen(path, "w"))) {
		free(text);
		return false;
	}
	fputs("#line 1 \"", f);
	for (const char *p = input; *p; p++)
		fprintf(f, "%s%c", *p == '"' || *p == '\\' ? "\\" : "", *p);
	fputs("\"\n", f);
	fwrite(text, 1, len, f);
	fputc('\n', f);
	for (size_t i = 0; i < n; i++)
		if (cand[i])
			fprintf(f, "static void *const klp_ccp_escape_%zu __attribute__((__used__)) = "
				"(void *)&%s;\n", i, fns[i].name);
	ok = !ferror(f);
	ok = !fclose(f) && ok;
	free(text);
	return ok;
}

/* SRC of lp.c's first line, "/\* klp-ccp VERSION: livepatch for SRC; patched: ...", or NULL. */
static char *banner_source(const char *lp_c)
{
	static const char mark[] = ": livepatch for ";
	char line[4096], *p, *end;
	FILE *f = fopen(lp_c, "r");

	if (!f)
		return NULL;
	p = fgets(line, sizeof(line), f);
	fclose(f);
	if (!p || strncmp(line, "/* klp-ccp ", 11) || !(p = strstr(line, mark)) ||
	    !(end = strstr(p, "; patched:")))
		return NULL;
	p += sizeof(mark) - 1;
	return xstrndup(p, (size_t)(end - p));
}

/* The original unit: the command line's input, unless that is lp.c (the
 * original flags compiling lp.c), then the report's source or lp.c's banner. */
static char *original_source(const struct verify_control_in *in)
{
	char *src;

	if (!same_file(in->cl->input, in->lp_c))
		return xstrdup(in->cl->input);
	src = in->report_source ? xstrdup(in->report_source) : banner_source(in->lp_c);
	if (src && (same_file(src, in->lp_c) || access(src, R_OK))) {
		free(src);
		src = NULL;
	}
	return src;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
}

/* The control object, or NULL when the original does not compile so. */
static struct objcmp_obj *build(const struct verify_control_in *in, const char *orig,
				const struct verify_fn *fns, const bool *cand, size_t n,
				char **obj_path)
{
	char *src = xasprintf("%s/callers-control.c", in->dir), *quote = dir_of(orig);
	struct objcmp_opts opts = { .attached = true };
	struct objcmp_obj *obj = NULL;
	char **argv = NULL, *err = NULL;

	*obj_path = xasprintf("%s/callers-control.o", in->dir);
	if (write_source(src, orig, fns, cand, n)) {
		argv = verify_compile_argv(in->cl, src, quote, *obj_path);
		if (!internal_run(argv, NULL))
			obj = objcmp_open(*obj_path, &opts, &err);
		verify_argv_free(argv);
	}
	free(err);
	free(quote);
	free(src);
	return obj;
}

/* Is a's name the same code as b's bname (line numbers aside)? */
static bool same_code(const struct verify_objs *o, const struct objcmp_obj *a, const char *a_path,
		      const struct objcmp_obj *b, const char *b_path, const char *name,
		      const char *bname)
{
	struct verify_objs vo = { a, b, a_path, b_path, o->local_externalized, {0}, {0} };
	struct verify_result r;
	bool same;

	verify_classify(&vo, name, bname, &r);
	same = r.cls == VC_IDENTICAL || r.cls == VC_LINE;
	verify_result_release(&r);
	verify_objs_release(&vo);
	return same;
}

/*
 * fn as the control built it: the same as lp.c's build, caller knowledge is
 * all; the same as the target's, knowing the callers changed nothing.
 */
static void reclass(const struct verify_objs *o, const struct objcmp_obj *ctl,
		    const char *ctl_path, const struct verify_fn *fn, struct verify_result *r)
{
	const char *n = fn->name;
	char *detail;

	if (same_code(o, ctl, ctl_path, o->lp, o->lp_path, n, fn->lp_name)) {
		detail = xasprintf("the original unit compiled with %s's address escaping builds it "
				   "as lp.c's build does; %s", n, r->detail);
		r->cls = VC_CALLERS;
	} else if (same_code(o, o->target, o->target_path, ctl, ctl_path, n, n)) {
		detail = xasprintf("%s; but that made no difference: the original unit compiled "
				   "with %s's address escaping builds it as the target has it", r->detail,
				   n);
	} else {
		detail = xasprintf("%s; not only that: the original unit compiled with %s's "
				   "address escaping differs from lp.c's build too", r->detail, n);
	}
	free(r->detail);
	r->detail = detail;
}

void verify_callers_control(const struct verify_objs *o, const struct verify_control_in *in,
			    const struct verify_fn *fns, size_t n, struct verify_result *res)
{
	bool *cand = xcalloc(n ? n : 1, sizeof(*cand)), any = false;
	struct objcmp_obj *ctl;
	char *ctl_path = NULL, *orig = NULL;

	for (size_t i = 0; i < n; i++)
		any |= cand[i] = candidate(o, &fns[i], &res[i]);
	if (any && (orig = original_source(in)) &&
	    (ctl = build(in, orig, fns, cand, n, &ctl_path))) {
		for (size_t i = 0; i < n; i++)
			if (cand[i])
				reclass(o, ctl, ctl_path, &fns[i], &res[i]);
		objcmp_close(ctl);
	}
	free(orig);
	free(ctl_path);
	free(cand);
}
