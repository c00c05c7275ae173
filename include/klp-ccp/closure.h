/* Stages "closure" and "headers": what to copy, externalize, rename, include. */
#ifndef KLP_CCP_CLOSURE_H
#define KLP_CCP_CLOSURE_H

#include "klp-ccp/model.h"
#include "klp-ccp/policy.h"

struct ipa_graph;
struct facts_db;

struct closure_request {
	char **patched;		/* --patched-functions, or NULL with by_hook */
	size_t n_patched;
	bool by_hook;		/* ask is-patched about every function of the main file */
	struct ipa_graph *ipa;	/* --ipa-clones, or NULL */
	bool ipa_extend;	/* patch what contains patched code (else only warn) */
	const struct strlist *derived;	/* names derived from --patch, or NULL */
	struct facts_db *facts;	/* --target-object facts, or NULL */
	struct own_facts *own;	/* without them: the compiled original's (own_facts.h) */
};

/*
 * entity_facts.c: give the policy the binary facts about e (NULL db or e:
 * none) before a question about it, and record object/sympos for the report.
 */
void closure_use_facts(struct policy *pol, struct facts_db *db, struct entity *e);

/* ipa_extend.c: what GCC's clone/inline decisions add to the patched set. */
struct ipa_plan {
	struct strlist add;		/* functions of this unit to patch too */
	struct strlist add_contains;	/* per add[i]: the patched functions whose code
					   it has, ", "-joined */
	struct strlist removed;		/* patched functions without a body of their own */
	struct strlist elsewhere;	/* "name (file:line, contains f)" in other units */
};
int ipa_plan_extension(struct model *m, struct ipa_graph *g, bool extend,
		       struct ipa_plan *plan);
/*
 * A patched (or added) function the target has only as .isra/.constprop/
 * .part clones: its callers through the clones (target facts) are added,
 * recursively, and it goes to removed (copied for them, not patched). So
 * does an added function the target has no body (nor clone) of.
 */
struct facts_db;
void ipa_plan_clone_callers(struct model *m, struct facts_db *facts, struct ipa_plan *plan);
void ipa_plan_release(struct ipa_plan *plan);

/*
 * Stage "closure", in rounds that stages.c drives (decisions are stored in
 * the model). closure_begin: the patched set (list, is-patched hook, IPA),
 * told to the policy; NULL with errors printed. closure_walk: walk what is
 * queued, after adding roots (what the included headers need from the
 * copied files before them, headers_context_pass()); returns 1 when it
 * walked something (or roots is NULL: the first round), 0 when the roots
 * added nothing, -1 on errors. closure_restart: forget the walk (the
 * headers' answers stay), to walk again from the patched set.
 * closure_address_taken: marks the functions the walk copied whose address
 * copied code takes while the policy may externalize them; > 0 when it
 * marked some (walk again: they are externalized then).
 * closure_end: release; returns rc, or the address-taken check's result.
 */
struct closure;
struct walk_roots {
	const int *units, *ents, *macros;
	size_t n_units, n_ents, n_macros;
};
struct closure *closure_begin(struct model *m, struct policy *pol,
			      const struct closure_request *req);
int closure_walk(struct closure *c, const struct walk_roots *roots);
void closure_restart(struct closure *c);
int closure_address_taken(struct closure *c);
int closure_end(struct closure *c, int rc);

/* stages.c: the closure and headers stages until neither has more to add. */
int stages_closure_headers(struct model *m, struct policy *pol,
			   const struct closure_request *req);

/* headers.c: what the included headers need from before their #include. */
struct context_ctx {
	int *work;			/* headers still to scan */
	size_t n_work, cap_work;
	int *units;			/* units of copied files to copy for them */
	size_t n_units, cap_units;
	int *ents;			/* functions and objects of copied files they use */
	size_t n_ents, cap_ents;
	int *macros;			/* macro definitions of copied files they see */
	size_t n_macros, cap_macros;
	unsigned char *defines;		/* per file, see headers.c */
	int *guards;			/* headers whose guard a copied file defines */
	size_t n_guards, cap_guards;
	bool guards_found;
	bool *uses;			/* per entity: named by header uses_hdr's compiled code */
	int uses_hdr;
};
void context_ctx_release(struct context_ctx *cx);
int headers_context_pass(struct model *m, struct policy *pol, struct context_ctx *cx);
int headers_final_context(struct model *m, struct policy *pol);

/*
 * Included headers that would clash with what the output declares (a symbol
 * they declare becomes a pointer under its own name; a static inline of
 * theirs must be rewritten; a writable static of theirs the running unit
 * has, facts or else own's) are made non-eligible. Returns how many were,
 * 0 when none, -1 with an error when one cannot be (a -include file).
 */
struct own_facts;
int headers_resolve_clashes(struct model *m, struct policy *pol, struct facts_db *facts,
			    struct own_facts *own);

/* Assign final names (patched, externalized, rewritten). */
int naming_run(struct model *m, struct policy *pol, struct facts_db *facts);

/*
 * header_refs.c: the global symbols that header inlines reachable from the
 * output reference under their own names (lp.c keeps their #include, so its
 * object references the running symbols): marked header_ref for the report,
 * with object facts. Exported ones (facts with --symvers) need nothing.
 */
void header_refs_collect(struct model *m, struct facts_db *facts);
/* The global functions defined outside headers that those inlines call (*out: free). */
size_t header_refs_reached(struct model *m, int **out);
/* The header inlines whose bodies lp.c compiles: those it names, and the ones they call. */
size_t header_refs_inlines(struct model *m, int **out);

/* entity_facts.c: source location of a cursor for policy diagnostics; strings live in the model. */
struct src_loc cursor_src_loc(struct model *m, CXCursor c);
/* --patch: a location in the scratch copy of the input, as the user's source's. */
struct src_loc user_src_loc(struct model *m, struct src_loc loc);

#endif
