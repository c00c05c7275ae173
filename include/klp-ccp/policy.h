/*
 * Policy hooks (see spec/policy-hooks.md): every livepatch decision is asked
 * of an external command or answered by a documented built-in default.
 * All functions return 0 on success and -1 when the hook failed (the error
 * naming the hook, its arguments and what went wrong is already printed).
 * WARNING:/ERROR: lines of a hook are printed prefixed with loc; an ERROR:
 * line also counts as an error (diag_error_count() > 0).
 */
#ifndef KLP_CCP_POLICY_H
#define KLP_CCP_POLICY_H

#include <stdbool.h>
#include "klp-ccp/options.h"

struct policy;

/* Where the entity a question is about lives, for diagnostics. */
struct src_loc {
	const char *file;	/* NULL: no location */
	unsigned line, col;
};

enum linkage_change { LINKAGE_KEEP, LINKAGE_MAKE_INTERNAL, LINKAGE_MAKE_EXTERNAL };

struct sym_mod {
	char *new_name;		/* owned by the caller after the call */
	enum linkage_change linkage;
	bool make_pointer;
};

/*
 * source: input file as given on the command line; cwd: klp-ccp's cwd.
 * Starts the policy server of opts->pol_server: NULL when it fails (the
 * error is printed).
 */
struct policy *policy_new(const struct options *opts, const char *source, const char *cwd);
/* Is the hook asked (a command or the policy server), not built in? */
bool policy_asks(const struct policy *pol, enum hook_id hook);
void policy_free(struct policy *pol);
/*
 * Judge a hook's standard output (len bytes) as the hook protocol says:
 * NULL and the answer in *answer (malloc'd), or the failure (malloc'd).
 * The hook answer parser on its own, for tests and fuzzing.
 */
char *policy_judge_output(enum hook_id hook, const char *out, size_t len, char **answer);

/*
 * Async-signal-safe: kill the process groups of the hook running now and of
 * the policy server, and remove the files of long environment lists.
 */
void policy_kill_running_hook(void);

/*
 * Extra "NAME=VALUE" environment entries for the hooks asked next (binary
 * facts about the entity in question); NULL clears. Not copied: must stay
 * valid until cleared.
 */
void policy_set_fact_env(struct policy *pol, char *const *env);

/*
 * Binary facts (klp-ccp/facts.h) about the symbol the following questions are
 * about; NULL clears. Not copied: must stay valid until cleared. Sets the
 * KLP_CCP_SYM_* environment of the hooks (in addition to policy_set_fact_env
 * entries) and lets the built-in defaults use the facts (see policy.c); the
 * facts apply to questions about facts->name only. With facts set,
 * policy_is_patched() refuses a patched function in .init.* or .exit.*
 * (policy_refuse_patched).
 */
struct sym_facts;
void policy_set_facts(struct policy *pol, const struct sym_facts *facts);
/* Has GCC specialized it for constant arguments in the target (a clone
 * with "constprop" in its name)? */
bool policy_specialized(const struct sym_facts *f);
/*
 * Did GCC split it for partial inlining (a NAME.part.N clone, the tail its
 * callers call after inlining the head), without changing its signature (no
 * .isra clone)? GCC splits only functions that are not local with a single
 * caller, so a copy reproduces that with external linkage; .isra needs a
 * local one.
 */
bool policy_partially_inlined(const struct sym_facts *f);
/* Has GCC made no clone of it other than a .cold part? */
bool policy_only_cold_clones(const struct sym_facts *f);
/*
 * The built-in default (as policies/kernel) copies a function lp.c's code
 * names (not only an included header's), not declared noinline (a copy
 * would bypass what the running one is kept out of line for: tracing,
 * kprobes, error injection) but for the kernel's noinline_for_stack (kept
 * out of line only so that its stack frame does not add to its callers':
 * the copy, noinline too, keeps that; lib/vsprintf.c's number, pointer,
 * format_decode), present in the target under its own name, not
 * cloned (but for .cold), whose code there, with the code of the functions
 * of its object it calls, transitively (sym_facts.tree_size), is at most
 * POLICY_IPA_COPY_MAX bytes for a local symbol, POLICY_IPA_COPY_GLOBAL_MAX
 * for a global one not declared __visible (visible: assembly may call it,
 * and GCC rejects the attribute on a static copy; a weak one may not be the
 * one the binary runs). GCC compiled its callers knowing its body (the
 * registers it leaves alone, the memory it does not read or write, which
 * parameters escape, pure/const), and a copy gives GCC that knowledge
 * again; its callees in the object, asked in turn, are copied by the same
 * rule (their trees are smaller), so the copy's own calls leave the unit as
 * in the original. A global function is mostly an interface other units
 * call too (vfs_mkdir, inode_permission): measured on the kernel sweep,
 * copying larger global trees made lp.c several times bigger and no caller
 * identical.
 */
#define POLICY_IPA_COPY_MAX 2048
#define POLICY_IPA_COPY_GLOBAL_MAX 512
bool policy_ipa_copy(const struct sym_facts *f, bool visible);
/* Does l hold sym, with a clone suffix (".isra.0", ".part.0") ignored? */
bool policy_has_function_of(const struct strlist *l, const char *sym);
/*
 * An error (-1) when the facts set show the patched function name in an
 * .init.* or .exit.* section (code freed or discarded: it cannot be
 * livepatched); called by policy_is_patched() for a YES, to be called for
 * --patched-functions too.
 */
int policy_refuse_patched(struct policy *pol, const char *name, const struct src_loc *loc);
/*
 * After policy_set_patched(): the facts set show the patched function name
 * inlined into other functions, or cloned with callers of the clones. Those
 * the livepatch patches too (--patch, --ipa-clones) get one note, except the
 * ones in told (already said); the others a warning: the user must patch
 * them.
 */
void policy_tell_copies(struct policy *pol, const char *name, const struct src_loc *loc,
			const struct strlist *told);

/*
 * The functions the livepatch patches, once known, and the ones it copies as
 * they are decided: hooks asked afterwards get them in
 * KLP_CCP_PATCHED_FUNCTIONS and KLP_CCP_COPIED_FUNCTIONS, and the built-in
 * shall-externalize-fun copies a function the facts show inlined into one of
 * them (GCC can then inline it as in the original).
 */
struct strlist;
void policy_set_patched(struct policy *pol, const struct strlist *names);
void policy_add_copied(struct policy *pol, const char *name);
/*
 * The object the next shall-externalize-obj question is about: a
 * function-scope static? const (elements of arrays included), not volatile?
 */
void policy_set_object_kind(struct policy *pol, bool function_scope, bool read_only);
/*
 * For the next shall-externalize-fun question: declared noinline
 * (KLP_CCP_FUN_NOINLINE), only by noinline_for_stack
 * (KLP_CCP_FUN_NOINLINE_FOR_STACK, noinline_for_stack_only()), named only by the code of a header lp.c includes,
 * before its #include (KLP_CCP_FUN_NAMED_BY=header; else code), declared
 * __visible or made by a macro (KLP_CCP_FUN_VISIBLE, declared_visible()).
 */
void policy_set_function_kind(struct policy *pol, bool noinline, bool for_stack, bool for_header,
			      bool visible);
/*
 * The target objects are a kernel's: the built-in may-include-header then
 * answers as policies/kernel does (headers under an include/ directory).
 */
void policy_set_kernel_target(struct policy *pol, bool kernel);
/*
 * The unit is kernel code (its command line defines __KERNEL__): without a
 * target object too, the built-in modify-patched-fun-sym refuses the
 * tracepoint internals TRACE_EVENT generates.
 */
void policy_set_kernel_unit(struct policy *pol, bool kernel);

int policy_is_patched(struct policy *pol, const char *name,
		      const struct src_loc *loc, bool *answer);
int policy_may_include_header(struct policy *pol, const char *header, bool pre_include,
			      bool *answer);
/* def_linkage: "internal", "external" or NULL when no definition is in the TU. */
int policy_can_externalize_fun(struct policy *pol, const char *name, const char *def_linkage,
			       const char *def_location, const struct src_loc *loc, bool *answer);
/*
 * header_inline: a static inline defined by a header lp.c does not include
 * (and whose address is not taken); the hook is not told (from-header means
 * an includable header), the built-in answer copies it as a header's.
 */
int policy_shall_externalize_fun(struct policy *pol, const char *name, bool from_header,
				 bool header_inline, const struct src_loc *loc, bool *answer);
int policy_shall_externalize_obj(struct policy *pol, const char *name,
				 const struct src_loc *loc, bool *answer);
int policy_modify_externalized_sym(struct policy *pol, bool is_function, const char *name,
				   unsigned retry, const struct src_loc *loc, struct sym_mod *mod);
int policy_modify_patched_fun_sym(struct policy *pol, const char *name, unsigned retry,
				  const struct src_loc *loc, struct sym_mod *mod);
int policy_rename_rewritten_fun(struct policy *pol, const char *name, unsigned retry,
				const struct src_loc *loc, char **new_name);

#endif
