/*
 * GCC's -fdump-ipa-clones dumps (DESIGN.md section 3): the clone/inline graph
 * of one or more translation units, and the functions whose code contains a
 * given function's code.
 *
 * Nodes are (NAME, ORDER) pairs of one dump (ORDER numbers the symbols of a
 * unit). A line "Callgraph clone;A;OA;FILE;LINE;COL;B;OB;FILE;LINE;COL;REASON"
 * is an edge from (A, OA) to (B, OB):
 *   - REASON "inlining to": a copy of A's body as it was then (with all that
 *     had been inlined into it) was inlined into B, the function the copy
 *     ends up in (GCC names the root of the inline tree, never an inline
 *     clone). Early inlining copies bodies at once: what had been inlined
 *     into A is then only reachable through the chain A -> B. IPA inlining
 *     also dumps the nested copies, as (X, OX) -> B lines where (X, OX) is
 *     an inline clone: same name as X, a higher order;
 *   - any other REASON (isra, constprop, part, ...): B is a new function, a
 *     clone of A (partial for "part") that GCC named (e.g. "A.isra.0"); the
 *     dump gives its symbol name.
 * "Callgraph removal;A;OA;FILE;LINE;COL": node (A, OA) was removed: no
 * out-of-line body (or an inline clone that was expanded).
 * GCC writes the events in order: a copy made by a line holds what its
 * source held before that line, so a function's code lives in all nodes of
 * its name in a unit and in every node reachable from them by edges of
 * increasing line numbers (what is inlined into B after B was copied into C
 * is not in C; inline clones, whose creation the dump does not show, are
 * taken to hold what their function ever held). The surviving nodes among
 * them are the functions carrying the code in the binary: neither removed
 * nor inline clones. The origin of .isra/.constprop clones is a special
 * case: see maybe_removed.
 *
 * Names are per unit: a static function "f" of one dump and another static
 * "f" of another dump are both matched by the name "f".
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
	/*
	 * Origin of .isra/.constprop clones with no removal line: GCC keeps
	 * such a body for its clones when the function became unreachable,
	 * without saying so, so it may not be in the binary (check the
	 * object's symbol table).
	 */
	bool maybe_removed;
};

/*
 * Surviving functions other than the patched ones that contain code of any
 * patched function (recursively); sorted by name (then file, line, unit).
 * A function holding code of several patched ones is listed once, with
 * contains = the first of them in name order. Clones of a patched function
 * (f.isra.0, ...) are listed: they are not the patched ones. Entries whose
 * file is not the unit being extracted may live in other translation units
 * (header functions); unit tells which dump they come from. *removed_bodies
 * gets the patched names whose own body was removed (not the maybe_removed
 * ones). Returns 0, or -1 when g is NULL.
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
	bool maybe_removed;	/* not removed, but only .isra/.constprop origins (see above) */
	char *file;		/* its location, NULL when not found */
	unsigned line;
	struct ipa_clone *clones;	/* recursively (clones of clones), sorted by name */
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
