/*
 * klp-ccp verify: compile lp.c with the original command line and compare
 * each patched function with the target object's (src/objcmp.c), naming
 * why a function differs (src/verify_class.c).
 */
#ifndef KLP_CCP_VERIFY_H
#define KLP_CCP_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/util.h"

struct objcmp_obj;
struct facts_db;

/* A function to compare: NAME in the target, LPNAME in lp.c's object. */
struct verify_fn {
	char *name, *lp_name;
};

struct verify_req {
	const char *target;		/* --target-object */
	const char *report;		/* --report, or NULL */
	const char *lp_c;		/* LP.c, or NULL (the report's output) */
	struct verify_fn *fns;		/* --patched-functions */
	size_t n_fns, cap_fns;
	bool yaml;			/* --format=yaml */
	const char *keep;		/* --keep=DIR, or NULL */
	const char *compiler;		/* -c ARCH-COMPILER-VERSION, or NULL */
	int orig_argc;			/* the command line after "--" */
	char **orig_argv;
	const char *cmdline_json, *kbuild_object;
};

/* Exit status: 0 all identical, 2 some function differs, 1 error (printed). */
int verify_run(struct verify_req *req);

enum verify_class {
	VC_IDENTICAL,
	VC_INLINED,		/* callees inlined in one build, called in the other */
	VC_CLONE,		/* a .constprop/.isra/.part clone called instead */
	VC_IPA,			/* a call to an externalized callee */
	VC_LINE,		/* only line numbers differ */
	VC_MISSING,		/* not in the target, or not emitted from lp.c */
	VC_CALLERS,		/* static in the target: GCC knew all its callers */
	VC_CODE,		/* anything else */
};

extern const char *const verify_class_names[];	/* by enum verify_class */

struct verify_result {
	enum verify_class cls;
	char *detail;			/* NULL when identical */
	struct strlist callees;		/* named by the class (inlined, clones, ipa) */
};

/* The two builds, and what else tells why they differ. */
struct verify_objs {
	const struct objcmp_obj *target, *lp;
	const char *target_path, *lp_path;
	/* functions lp.c externalizes that were static in the original (the
	 * report's; empty without one) */
	const struct strlist *local_externalized;
	/* DWARF inlining facts, read when first needed (verify_objs_release) */
	struct facts_db *facts[2];
	bool facts_tried[2];
};

/* Compare name of the target with lp_name of lp.c's build (and their
 * .cold/.part parts) and classify. */
void verify_classify(struct verify_objs *o, const char *name, const char *lp_name,
		     struct verify_result *out);
void verify_objs_release(struct verify_objs *o);
void verify_result_release(struct verify_result *r);

struct gcc_cmdline;
/* The original command line compiling input into out (owned, NULL-ended);
 * iquote, when not NULL, is searched first for quoted #includes. */
char **verify_compile_argv(const struct gcc_cmdline *cl, const char *input, const char *iquote,
			   const char *out);
void verify_argv_free(char **argv);

struct verify_control_in {
	const struct gcc_cmdline *cl;	/* the original command line */
	const char *lp_c;
	const char *report_source;	/* the report's source:, or NULL */
	const char *dir;		/* where to compile */
};

/* src/verify_control.c: the n results of fns that differ where the function
 * is local in the target and global in lp.c's build are classed VC_CALLERS
 * when the original unit, compiled with their addresses escaping, builds
 * them as lp.c's build does. */
void verify_callers_control(const struct verify_objs *o, const struct verify_control_in *in,
			    const struct verify_fn *fns, size_t n, struct verify_result *res);

#endif
