/*
 * klp-ccp verify (include/klp-ccp/verify.h): what to compare (the command
 * line, a report, or both), compiling lp.c as the original unit was
 * compiled, and the per-function verdicts as text or YAML.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/cmdline_json.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/kbuild_cmd.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/verify.h"
#include "klp-ccp/yaml_out.h"

/* What verify compares, from the options and the report. */
struct inputs {
	struct report rep;
	const char *lp_c;
	struct strlist argv;		/* the original command line */
	const struct verify_fn *fns;
	size_t n_fns;
	struct verify_fn *from_report;	/* owned by rep */
	struct strlist externalized;	/* static functions lp.c externalizes (report) */
};

static void inputs_release(struct inputs *in)
{
	report_release(&in->rep);
	strlist_release(&in->argv);
	free(in->from_report);
	strlist_release(&in->externalized);
}

static int command_line(const struct verify_req *req, struct inputs *in)
{
	int given = (req->orig_argc > 0) + !!req->cmdline_json + !!req->kbuild_object;

	if (given > 1) {
		diag_error("verify: more than one of --cmdline-json, --kbuild-object and a command "
			   "line after '--' given");
		return -1;
	}
	if (req->cmdline_json)
		return cmdline_json_read(req->cmdline_json, &in->argv);
	if (req->kbuild_object)
		return kbuild_cmd_read(req->kbuild_object, &in->argv);
	for (int i = 0; i < req->orig_argc; i++)
		strlist_push(&in->argv, req->orig_argv[i]);
	for (size_t i = 0; !given && i < in->rep.compiler_command.n; i++)
		strlist_push(&in->argv, in->rep.compiler_command.v[i]);
	if (!in->argv.n) {
		diag_error("verify: no original command line (after '--', --cmdline-json, "
			   "--kbuild-object, or a --report that records it)");
		return -1;
	}
	return 0;
}

static int functions(const struct verify_req *req, struct inputs *in)
{
	in->fns = req->fns;
	in->n_fns = req->n_fns;
	if (!in->n_fns && in->rep.n_patched) {
		in->from_report = xcalloc(in->rep.n_patched, sizeof(*in->from_report));
		for (size_t i = 0; i < in->rep.n_patched; i++) {
			in->from_report[i].name = in->rep.patched[i].old_name;
			in->from_report[i].lp_name = in->rep.patched[i].new_name;
		}
		in->fns = in->from_report;
		in->n_fns = in->rep.n_patched;
	}
	if (!in->n_fns) {
		diag_error("verify: no functions to compare (--patched-functions, or a --report "
			   "listing patched_functions)");
		return -1;
	}
	for (size_t i = 0; i < in->rep.n_ext; i++)
		if (in->rep.ext[i].kind == RR_FUNCTION && in->rep.ext[i].linkage &&
		    !strcmp(in->rep.ext[i].linkage, "internal"))
			strlist_push(&in->externalized, in->rep.ext[i].name);
	return 0;
}

static int resolve_inputs(const struct verify_req *req, struct inputs *in)
{
	int fd;

	if (req->report && report_read_any_object(req->report, &in->rep))
		return -1;
	in->lp_c = req->lp_c ? req->lp_c : in->rep.output;
	if (!in->lp_c) {
		diag_error("verify: no LP.c given (and no --report naming its output)");
		return -1;
	}
	fd = open_regular_file(in->lp_c);
	if (fd < 0) {
		diag_error("%s: %s", in->lp_c, file_strerror(errno));
		return -1;
	}
	close(fd);
	return command_line(req, in) || functions(req, in) ? -1 : 0;
}

/* ---- compiling lp.c ---- */

/*
 * The original command line compiling input into out, without the options
 * that write other files. -ffunction-sections: every reference from one
 * function to another is then a relocation in lp.c's object, which the
 * comparison matches with the target's whether or not the assembler
 * resolved it there (a target built without it).
 */
char **verify_compile_argv(const struct gcc_cmdline *cl, const char *input, const char *iquote,
			   const char *out)
{
	struct strlist v = {0};

	strlist_push(&v, cl->compiler);
	if (iquote) {
		strlist_push(&v, "-iquote");
		strlist_push(&v, iquote);
	}
	internal_push_args(cl, input, &v);
	strlist_push(&v, "-ffunction-sections");
	strlist_push(&v, "-o");
	strlist_push(&v, out);
	strlist_push_owned(&v, NULL);
	return v.v;
}

void verify_argv_free(char **argv)
{
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
}

static void write_log(const char *dir, const struct strbuf *log)
{
	char *path = xasprintf("%s/compile.log", dir);
	FILE *f = fopen(path, "w");

	if (f) {
		fwrite(log->buf ? log->buf : "", 1, log->len, f);
		fclose(f);
	}
	free(path);
}

static int compile_lp(const struct inputs *in, const struct gcc_cmdline *cl, const char *dir,
		      bool keep, char **obj)
{
	struct strbuf log = {0};
	char **argv;
	int rc;

	*obj = xasprintf("%s/lp.o", dir);
	argv = verify_compile_argv(cl, in->lp_c, NULL, *obj);
	rc = internal_run(argv, &log);
	if (rc) {
		char *m = internal_first_message(&log);

		diag_error("verify: compiling %s with the original command line failed: %s",
			   in->lp_c, *m ? m : rc < 0 ? "cannot run the compiler" : "no message");
		free(m);
	}
	if (keep)
		write_log(dir, &log);
	verify_argv_free(argv);
	sb_release(&log);
	return rc ? -1 : 0;
}

/* ---- the objects ---- */

static struct objcmp_obj *open_target(const char *path)
{
	struct objcmp_opts o = { .attached = true };
	char *err = NULL;
	struct objcmp_obj *obj = objcmp_open(path, &o, &err);

	if (!obj) {
		diag_error("%s", err);
		free(err);
		return NULL;
	}
	if (!objcmp_relocatable(obj)) {
		diag_error("%s: not a relocatable object (a .o or .ko): verify compares "
			   "relocations, which a linked binary no longer has", path);
		objcmp_close(obj);
		return NULL;
	}
	return obj;
}

/* lp.c's names: prefixes the policy put before the original names too. */
static struct objcmp_obj *open_lp(const char *path, const struct inputs *in)
{
	struct objcmp_opts o = { .attached = true };
	struct strlist prefixes = {0};
	struct objcmp_obj *obj;
	char *err = NULL;

	for (size_t i = 0; i < in->n_fns; i++) {
		size_t ln = strlen(in->fns[i].lp_name), n = strlen(in->fns[i].name);
		char *p;

		if (ln <= n || strcmp(in->fns[i].lp_name + ln - n, in->fns[i].name))
			continue;
		p = xstrndup(in->fns[i].lp_name, ln - n);
		if (strlist_contains(&prefixes, p))
			free(p);
		else
			strlist_push_owned(&prefixes, p);
	}
	strlist_push_owned(&prefixes, NULL);
	o.prefixes = (const char *const *)prefixes.v;
	obj = objcmp_open(path, &o, &err);
	prefixes.n--;
	strlist_release(&prefixes);
	if (!obj) {
		diag_error("%s", err);
		free(err);
	}
	return obj;
}

/* ---- output ---- */

static void count(const struct verify_result *res, size_t n, size_t *by_class)
{
	memset(by_class, 0, (VC_CODE + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		by_class[res[i].cls]++;
}

static void print_text(const struct inputs *in, const struct verify_result *res)
{
	size_t by[VC_CODE + 1];

	for (size_t i = 0; i < in->n_fns; i++) {
		if (res[i].cls == VC_IDENTICAL)
			printf("%s: identical\n", in->fns[i].name);
		else
			printf("%s: differs (%s): %s\n", in->fns[i].name,
			       verify_class_names[res[i].cls], res[i].detail);
	}
	count(res, in->n_fns, by);
	printf("verify: %zu function%s, %zu identical, %zu differ%s", in->n_fns,
	       in->n_fns == 1 ? "" : "s", by[VC_IDENTICAL], in->n_fns - by[VC_IDENTICAL],
	       in->n_fns - by[VC_IDENTICAL] == 1 ? "s" : "");
	for (int c = VC_INLINED, first = 1; c <= VC_CODE; c++)
		if (by[c]) {
			printf("%s%s %zu", first ? " (" : ", ", verify_class_names[c], by[c]);
			first = 0;
		}
	printf("%s\n", in->n_fns - by[VC_IDENTICAL] ? ")" : "");
}

static void yaml_function(struct yaml_out *yo, const struct verify_fn *fn,
			  const struct verify_result *r)
{
	yo_map_begin(yo);
	yo_kv_str(yo, "name", fn->name);
	yo_kv_str(yo, "lp_name", fn->lp_name);
	yo_kv_str(yo, "status", r->cls == VC_IDENTICAL ? "identical" : "differs");
	yo_kv_str(yo, "class", r->cls == VC_IDENTICAL ? NULL : verify_class_names[r->cls]);
	yo_kv_str(yo, "detail", r->detail);
	yo_str(yo, "callees");
	yo_flow_seq_begin(yo);
	for (size_t k = 0; k < r->callees.n; k++)
		yo_str(yo, r->callees.v[k]);
	yo_seq_end(yo);
	yo_map_end(yo);
}

static int print_yaml(const struct inputs *in, const struct verify_result *res)
{
	struct yaml_out yo;
	size_t by[VC_CODE + 1];
	int rc;

	count(res, in->n_fns, by);
	yo_stream_begin(&yo);
	yo_doc_begin(&yo, false);
	yo_map_begin(&yo);
	yo_str(&yo, "functions");
	yo_list_begin(&yo, in->n_fns);
	for (size_t i = 0; i < in->n_fns; i++)
		yaml_function(&yo, &in->fns[i], &res[i]);
	yo_seq_end(&yo);
	yo_str(&yo, "totals");
	yo_map_begin(&yo);
	yo_kv_uint(&yo, "functions", in->n_fns);
	yo_kv_uint(&yo, "identical", by[VC_IDENTICAL]);
	yo_kv_uint(&yo, "differs", in->n_fns - by[VC_IDENTICAL]);
	for (int c = VC_INLINED; c <= VC_CODE; c++)
		yo_kv_uint(&yo, verify_class_names[c], by[c]);
	yo_map_end(&yo);
	yo_map_end(&yo);
	yo_doc_end(&yo);
	rc = yo_stream_end(&yo) || yo_print(&yo, stdout) ? -1 : 0;
	yo_release(&yo);
	return rc;
}

/* ---- driver ---- */

static int compare_all(const struct verify_req *req, const struct inputs *in,
		       const struct gcc_cmdline *cl, const char *dir, struct objcmp_obj *target,
		       const char *obj)
{
	struct objcmp_obj *lp = open_lp(obj, in);
	struct verify_objs o = { target, lp, req->target, obj, &in->externalized, {0}, {0} };
	struct verify_control_in ci = { cl, in->lp_c, in->rep.source, dir };
	struct verify_result *res;
	int rc = 0;

	if (!lp)
		return 1;
	res = xcalloc(in->n_fns, sizeof(*res));
	for (size_t i = 0; i < in->n_fns; i++) {
		verify_classify(&o, in->fns[i].name, in->fns[i].lp_name, &res[i]);
		if (res[i].cls != VC_IDENTICAL)
			rc = 2;
	}
	verify_callers_control(&o, &ci, in->fns, in->n_fns, res);
	if (req->yaml ? print_yaml(in, res) : (print_text(in, res), 0))
		rc = 1;
	if (fflush(stdout) || ferror(stdout)) {
		diag_error("verify: cannot write the output");
		rc = 1;
	}
	for (size_t i = 0; i < in->n_fns; i++)
		verify_result_release(&res[i]);
	free(res);
	verify_objs_release(&o);
	objcmp_close(lp);
	return rc;
}

static char *work_dir(const char *keep)
{
	if (!keep)
		return internal_scratch_create("verify");
	if (mkdir(keep, 0777) && errno != EEXIST) {
		diag_error("verify: cannot create --keep directory '%s': %s", keep, strerror(errno));
		return NULL;
	}
	return xstrdup(keep);
}

int verify_run(struct verify_req *req)
{
	struct inputs in = {0};
	struct gcc_cmdline cl = {0};
	struct objcmp_obj *target = NULL;
	char *dir = NULL, *obj = NULL;
	int rc = 1;

	if (resolve_inputs(req, &in) ||
	    gcc_cmdline_parse((int)in.argv.n, in.argv.v, req->compiler, &cl) ||
	    !(target = open_target(req->target)) || !(dir = work_dir(req->keep)) ||
	    compile_lp(&in, &cl, dir, req->keep, &obj))
		goto out;
	rc = compare_all(req, &in, &cl, dir, target, obj);
out:
	gcc_cmdline_release(&cl);
	if (dir && !req->keep)
		internal_scratch_remove(dir);
	free(dir);
	free(obj);
	objcmp_close(target);
	inputs_release(&in);
	return rc;
}
