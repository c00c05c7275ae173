/*
 * klp-ccp: extract a standalone livepatch source (lp.c) for some functions of
 * one translation unit. One stage per module; see DESIGN.md.
 */
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/bigstack.h"
#include "klp-ccp/cleanup.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/cmdline_json.h"
#include "klp-ccp/kbuild_cmd.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/emit.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/options.h"
#include "klp-ccp/outfiles.h"
#include "klp-ccp/patch_mode.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/report.h"
#include "klp-ccp/self_define.h"
#include "klp-ccp/subcommands.h"

#include <time.h>
static void phase(const char *what)
{
	static double last;
	struct timespec ts;
	double now;

	if (!getenv("KLP_CCP_TIMING"))
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = ts.tv_sec + ts.tv_nsec / 1e9;
	if (last)
		fprintf(stderr, "klp-ccp: timing: %s %.3f s\n", what, now - last);
	last = now;
}

static int check_output_dir(const char *outfile)
{
	if (!outfile)
		return 0;
	char *copy = xstrdup(outfile);
	const char *dir = dirname(copy);
	int rc = access(dir, W_OK | X_OK);

	if (rc && errno == ENOENT)	/* like a compiler's -o: the directory is the user's to make */
		diag_error("cannot write '%s': %s (create the directory '%s' first)", outfile,
			   strerror(errno), dir);
	else if (rc)
		diag_error("cannot write '%s': %s", outfile, strerror(errno));
	free(copy);
	return rc ? -1 : 0;
}

static void on_fatal_signal(int sig)
{
	policy_kill_running_hook();
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* An interrupted run leaves nothing behind. */
static void install_signal_handlers(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);	/* one handler at a time */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	/* a full disk or a file size limit must be an error, not a kill */
	signal(SIGXFSZ, SIG_IGN);
}

static bool same_path(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Every file the run reads: an output must be none of them. */
static const char *read_file_named(const struct options *opts, const struct model *m,
				   const char *out)
{
	for (size_t i = 0; m && i < m->n_files; i++)
		if (m->files[i].role != FILE_PRELUDE && same_path(out, m->files[i].name))
			return m->files[i].name;
	for (int i = 0; i < opts->orig_argc; i++)
		if (opts->orig_argv[i][0] == '@' && same_path(out, opts->orig_argv[i] + 1))
			return opts->orig_argv[i] + 1;
	for (size_t i = 0; i < opts->ipa_clones.n; i++)
		if (same_path(out, opts->ipa_clones.v[i]))
			return opts->ipa_clones.v[i];
	for (size_t i = 0; i < opts->target_objects.n; i++)
		if (same_path(out, opts->target_objects.v[i]))
			return opts->target_objects.v[i];
	if (opts->symvers && same_path(out, opts->symvers))
		return opts->symvers;
	if (opts->patch && same_path(out, opts->patch))
		return opts->patch;
	if (opts->cmdline_json && same_path(out, opts->cmdline_json))
		return opts->cmdline_json;
	return NULL;
}

static int check_outputs_vs_inputs(const struct options *opts, const struct model *m)
{
	const char *outs[2] = { opts->outfile, opts->report };

	for (int i = 0; i < 2; i++) {
		const char *in = outs[i] ? read_file_named(opts, m, outs[i]) : NULL;

		if (in) {
			diag_error("output file '%s' is an input file ('%s')", outs[i], in);
			return -1;
		}
	}
	return 0;
}

static int check_outputs(const struct options *opts, const struct gcc_cmdline *cl)
{
	if (same_path(opts->outfile, cl->input) ||
	    (opts->report && same_path(opts->report, cl->input))) {
		diag_error("output file '%s' is the input file", same_path(opts->outfile, cl->input) ?
			   opts->outfile : opts->report);
		return -1;
	}
	if (opts->report && same_destination(opts->report, opts->outfile)) {
		diag_error("--report and -o name the same file '%s'", opts->report);
		return -1;
	}
	return 0;
}

/*
 * --patch: the derived functions become the patched list, GCC's dump of the
 * original unit feeds --ipa-clones, and extraction reads the patched copy.
 */
static int use_patch(struct options *opts, struct gcc_cmdline *cl, struct patch_plan *plan)
{
	if (patch_mode_prepare(opts->patch, opts->patch_origin, cl, plan))
		return -1;
	for (size_t i = 0; i < plan->functions.n; i++) {
		bool known = false;

		for (size_t k = 0; k < opts->n_patched; k++)
			known |= !strcmp(opts->patched[k], plan->functions.v[i]);
		if (known)
			continue;
		opts->patched = xrealloc(opts->patched, (opts->n_patched + 1) * sizeof(char *));
		opts->patched[opts->n_patched++] = xstrdup(plan->functions.v[i]);
	}
	plan->source = cl->input;
	cl->input = xstrdup(plan->patched_input);
	if (!opts->ipa_clones.n)
		strlist_push(&opts->ipa_clones, plan->ipa_dump);
	return 0;
}

static bool diag_in_copied_text(struct model *m, const struct diag_rec *d)
{
	int unit;

	if (d->file < 0)
		return false;
	unit = model_unit_at(m, d->file, d->offset);
	return unit >= 0 && m->units[unit].copy;
}

/*
 * Errors in what is copied are fatal; elsewhere they are only counted. A
 * missing #include file is fatal wherever it is: what it declares is
 * unknown, so copied code using it would not be noticed as broken.
 */
static int check_parse_errors(struct model *m)
{
	unsigned outside = 0, inside = 0;
	const char *first = NULL;

	for (size_t i = 0; i < m->n_diags; i++) {
		if (m->diags[i].missing_include) {
			fprintf(stderr, "%s\n", m->diags[i].text);
			diag_error("an included file is missing: the unit cannot be read whole (check the command line's -I options and the working directory)");
			return -1;
		}
		if (diag_in_copied_text(m, &m->diags[i])) {
			fprintf(stderr, "%s\n", m->diags[i].text);
			inside++;
		} else if (!outside++) {
			first = m->diags[i].text;
		}
	}
	if (outside)
		diag_warning("%u parse error(s) outside the extracted code ignored; first: %s",
			     outside, first);
	if (inside)
		diag_error("%u parse error(s) in the extracted code", inside);
	return inside ? -1 : 0;
}

/* Binary facts and GCC's clone dumps, when given. */
static int load_facts(const struct options *opts, const struct gcc_cmdline *cl,
		      const char *source, struct closure_request *req)
{
	if (opts->ipa_clones.n) {
		ipa_check_cmdline(cl->uses_lto, cl->live_patching);
		req->ipa = ipa_load(&opts->ipa_clones);
		if (!req->ipa)
			return -1;
	}
	if (opts->target_objects.n) {
		req->facts = facts_open_async(&opts->target_objects, opts->symvers, source);
		if (!req->facts)
			return -1;
	}
	return 0;
}

/*
 * A kernel unit (-D__KERNEL__) that externalizes statics without binary
 * facts: nothing says the running kernel has them (GCC inlines or removes
 * statics freely), nor which same-named local a klp relocation must use.
 */
static void warn_statics_without_facts(const struct model *m, const struct gcc_cmdline *cl,
				       const struct closure_request *req)
{
	struct strbuf names = {0};
	size_t n = 0;

	bool kernel = strlist_contains(&cl->args, "-D__KERNEL__");

	for (size_t i = 0; i + 1 < cl->args.n; i++)
		kernel |= !strcmp(cl->args.v[i], "-D") && !strcmp(cl->args.v[i + 1], "__KERNEL__");
	if (req->facts || !kernel)
		return;
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (e->decision != DEC_EXTERNALIZE || !(e->internal || e->local_static))
			continue;
		if (n++ < 10)
			sb_addf(&names, "%s%s", names.len ? ", " : "", e->name);
	}
	if (n)
		diag_warning("%zu static function(s)/object(s) externalized without "
			     "--target-object: whether the running kernel has them (GCC may have "
			     "inlined or removed them) and where is unknown, and glue will refuse "
			     "them: %s%s", n, names.buf, n > 10 ? ", ..." : "");
	sb_release(&names);
}

static int plan_and_write(const struct options *opts, struct gcc_cmdline *cl, struct model *m,
			  struct policy *pol, struct closure_request *req, const char *source,
			  struct strbuf *out)
{
	struct counter_sites counter = { 0 };
	struct emit_request ereq = { opts->outfile, source, opts->patched, opts->n_patched,
				     &cl->args, &cl->sys_includes, &counter };
	int rc;

	if (stages_closure_headers(m, pol, req) || naming_run(m, pol, req->facts) ||
	    check_parse_errors(m) || headers_final_context(m, pol))
		return -1;
	header_refs_collect(m, req->facts);
	warn_statics_without_facts(m, cl, req);
	rc = emit_build(m, &ereq, &out[0]);
	if (!rc)
		rc = counter_fix(m, cl, opts->outfile, &counter, &out[0]);
	free(counter.v);
	if (rc)
		return -1;
	self_define_apply(m, &out[0]);
	if (opts->report && report_build(m, cl, source, opts->outfile, &out[1]))
		return -1;
	if (diag_error_count()) {
		diag_error("a policy hook reported an error; no output written");
		return -1;
	}
	return 0;
}

/* Does the command line leave __KERNEL__ defined (-D__KERNEL__, no later -U)? */
static bool defines_kernel(const struct gcc_cmdline *cl)
{
	bool on = false;

	for (size_t i = 0; i < cl->defines.n; i++) {
		const char *d = cl->defines.v[i];

		if (!strncmp(d + 2, "__KERNEL__", 10) && (!d[12] || d[12] == '='))
			on = d[1] == 'D';
	}
	return on;
}

static int extract(struct options *opts, struct gcc_cmdline *cl, struct model *m,
		   struct policy **pol, struct strbuf *out, const struct patch_plan *plan,
		   struct closure_request *req)
{
	const char *source = plan->source ? plan->source : cl->input;
	char *cwd = getcwd(NULL, 0);

	*pol = policy_new(opts, source, cwd ? cwd : ".");
	free(cwd);
	if (!*pol)
		return -1;
	if (req->facts)
		policy_set_kernel_target(*pol, facts_kernel(req->facts));
	policy_set_kernel_unit(*pol, defines_kernel(cl));
	req->patched = opts->patched;	/* --patch may have added to them */
	req->n_patched = opts->n_patched;
	req->by_hook = policy_asks(*pol, HOOK_IS_PATCHED);
	if (!req->by_hook && !req->n_patched && !opts->patch) {
		diag_error("no patched functions given (--patched-functions, -I, --patch, or a "
			   "--pol-server answering is-patched)");
		return -1;
	}
	return plan_and_write(opts, cl, m, *pol, req, source, out);
}

/*
 * What run() leaves to the exit instead of freeing it: releasing the model
 * and libclang's translation unit took 22 M instructions on kernel/fork.c,
 * for memory the exit returns at once. Kept through volatile statics (a
 * store the compiler may not drop), so that leak checkers (valgrind,
 * LeakSanitizer) see it still reachable.
 */
static struct model *volatile kept_model;
static CXTranslationUnit volatile kept_tu;
static CXIndex volatile kept_index;

static void leave_to_exit(const struct model *m, CXTranslationUnit tu, CXIndex index)
{
	struct model *k = xmalloc(sizeof(*k));

	*k = *m;
	kept_model = k;
	kept_tu = tu;
	kept_index = index;
}

/*
 * Without facts, the built-in can-externalize-fun and shall-externalize-obj
 * ask the original compiled (closure.c) of nearly every static they decide:
 * that compile is needed, so it starts before the parse. With hooks for
 * both, or a policy server, only a function-local or header static needs
 * it, rarely: it starts when one does.
 */
static bool defaults_ask_own_facts(const struct options *opts)
{
	return !opts->pol_server && (!opts->hook_cmd[HOOK_CAN_EXTERNALIZE_FUN] ||
				     !opts->hook_cmd[HOOK_SHALL_EXTERNALIZE_OBJ]);
}

static int run(struct options *opts)
{
	struct gcc_cmdline cl = { 0 };
	struct model m = { 0 };
	struct policy *pol = NULL;
	struct strbuf out[2] = { { 0 } };
	struct patch_plan plan = { 0 };
	struct closure_request req = { NULL, 0, false, NULL, !opts->no_ipa_extend,
				       &plan.functions, NULL, NULL };
	struct own_facts own = { &cl, NULL, NULL, NULL, 0, 0, NULL };
	const char *paths[2];
	struct strlist json_argv = { 0 };
	CXIndex index = NULL;
	CXTranslationUnit tu = NULL;
	int rc = -1;

	phase("start");
	if (opts->cmdline_json || opts->kbuild_object) {
		if (opts->cmdline_json ? cmdline_json_read(opts->cmdline_json, &json_argv) :
		    kbuild_cmd_read(opts->kbuild_object, &json_argv))
			goto out;
		opts->orig_argv = json_argv.v;
		opts->orig_argc = (int)json_argv.n;
	}
	if (check_output_dir(opts->outfile) || check_output_dir(opts->report) ||
	    gcc_cmdline_parse(opts->orig_argc, opts->orig_argv, opts->compiler, &cl) ||
	    check_outputs(opts, &cl) || (opts->patch && use_patch(opts, &cl, &plan)) ||
	    gcc_cmdline_prepare(&cl))
		goto out;
	if (opts->patch) {
		strlist_push(&cl.clang_args, "-iquote");
		strlist_push(&cl.clang_args, plan.iquote);
	}
	phase("prepare");
	/*
	 * before the parse: reading DWARF forks a process, small only now; it
	 * reads while we parse (on another core)
	 */
	if (load_facts(opts, &cl, plan.source ? plan.source : cl.input, &req))
		goto out;
	own.source = plan.source ? plan.source : cl.input;
	req.own = req.facts ? NULL : &own;
	if (req.own && defaults_ask_own_facts(opts))
		own_facts_start(&own);	/* on the other core, during the parse */
	phase("facts");
	index = clang_createIndex(0, 0);
	bigstack_libclang_ready();
	parse_keep_texts();	/* the index reads them from memory */
	tu = parse_translation_unit(index, &cl);
	phase("parse");
	if (req.facts && facts_finish(req.facts))
		goto out;
	phase("facts-wait");
	if (!tu || model_build(&m, tu, &cl) || check_outputs_vs_inputs(opts, &m))
		goto out;
	m.patched_copy = plan.patched_input;
	m.user_source = plan.source;
	if (opts->patch && patch_mode_mark_headers(&plan, &m))
		goto out;
	phase("index");
	if (extract(opts, &cl, &m, &pol, out, &plan, &req))
		goto out;
	phase("extract");
	paths[0] = opts->outfile;
	paths[1] = opts->report;
	rc = write_files_atomically(paths, out, opts->report ? 2 : 1);
out:
	if (req.ipa)
		ipa_free(req.ipa);
	if (req.facts)
		facts_close(req.facts);
	own_facts_release(&own);
	sb_release(&out[0]);
	sb_release(&out[1]);
	if (pol)
		policy_free(pol);
	leave_to_exit(&m, tu, index);
	gcc_cmdline_release(&cl);
	patch_plan_release(&plan);
	strlist_release(&json_argv);
	return rc;
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} subcommands[] = {
	{ "facts", facts_main },
	{ "ipa-clones", ipa_clones_main },
	{ "changed-functions", changed_functions_main },
	{ "glue", glue_main },
	{ "klp-relocs", klp_relocs_main },
	{ "build", build_main },
	{ "verify", verify_main },
};

struct main_args {
	int argc;
	char **argv;
};

static int main_on_big_stack(void *p)
{
	const struct main_args *a = p;
	struct options opts;
	int rc;

	for (size_t i = 0; a->argc > 1 && i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (!strcmp(a->argv[1], subcommands[i].name))
			return subcommands[i].fn(a->argc - 1, a->argv + 1);
	rc = cli_parse(a->argc, a->argv, &opts);
	if (rc)
		return rc > 0 ? 0 : 1;
	rc = run(&opts);
	options_release(&opts);
	return rc ? 1 : 0;
}

static void on_crash(void)
{
	policy_kill_running_hook();
	cleanup_run();
}

int main(int argc, char **argv)
{
	struct main_args a = { argc, argv };

	parse_tune_allocator();
	install_signal_handlers();
	return run_on_big_stack(main_on_big_stack, &a, on_crash);
}
