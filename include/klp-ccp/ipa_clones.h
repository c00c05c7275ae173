/*
 * GCC's -fdump-ipa-clones dumps (DESIGN.md section 3): the clone/inline graph
 * of one or more translation units, and the functions whose code contains a
 * given function's code.
 *
 * A dump line "Callgraph clone;A;OA;FILE;LINE;COL;B;OB;FILE;LINE;COL;REASON"
 * is an edge from node (A, OA) to node (B, OB) of one unit:
 *   - REASON "inlining to": a copy of A's body as it was then (with all that
 *     had been inlined into it) was inlined into B, which is never an inline
 *     clone itself (GCC names the function the copy ends up in);
 *   - any other REASON (isra, constprop, part, ...): B is a new function,
 *     a clone of A (partial for "part"), named by GCC (e.g. "A.isra.0").
 * "Callgraph removal;A;OA;FILE;LINE;COL": node (A, OA) has no out-of-line
 * body any more. A function's code lives in every node reachable from it
 * over these edges; the surviving ones (never removed) are the functions
 * that carry it in the binary.
 */
#ifndef KLP_CCP_IPA_CLONES_H
#define KLP_CCP_IPA_CLONES_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/util.h"

struct ipa_graph;

/*
 * Load dumps: each path is a dump file or a directory searched recursively
 * for *.ipa-clones files. NULL with errors printed (file:line for malformed
 * lines).
 */
struct ipa_graph *ipa_load(const struct strlist *paths);
void ipa_free(struct ipa_graph *g);

struct ipa_affected {
	char *name;		/* surviving function (original or clone symbol) containing the code */
	char *kind;		/* "original", "isra", "constprop", "part", ... */
	char *file;
	unsigned line;
	char *contains;		/* the patched function whose code it contains */
	char *unit;		/* the dump it comes from */
};

/*
 * Surviving functions other than the patched ones that contain code of any
 * patched function (recursively); sorted by name. *removed_bodies gets the
 * patched names whose own body was removed. Returns 0 or -1.
 */
int ipa_affected_by(struct ipa_graph *g, char *const *patched, size_t n_patched,
		    struct ipa_affected **out, size_t *n_out, struct strlist *removed_bodies);
void ipa_affected_free(struct ipa_affected *a, size_t n);

/* -flto / -flive-patching notes for the extraction (prints warnings/notes). */
void ipa_check_cmdline(bool uses_lto, const char *live_patching);

/* What the dumps say about one function (klp-ccp ipa-clones). */
struct ipa_clone {
	char *name;
	char *kind;		/* reason of the clone edge that made it */
	bool removed;
};

struct ipa_report {
	bool found;		/* the name appears in the dumps */
	bool removed;		/* found, and no out-of-line body survived */
	char *file;		/* its location, NULL when not found */
	unsigned line;
	struct ipa_clone *clones;	/* recursively, by first appearance */
	size_t n_clones;
	struct strlist inlined_into;	/* sorted, recursively through inline chains */
	struct ipa_affected *affected;	/* sorted; contains == the symbol */
	size_t n_affected;
};

void ipa_report_symbol(struct ipa_graph *g, const char *symbol, struct ipa_report *r);
void ipa_report_release(struct ipa_report *r);

/* Number of dump files loaded. */
size_t ipa_n_units(const struct ipa_graph *g);

#endif
