/*
 * --patch mode: start from the fix itself. Apply it to scratch copies,
 * compile the original and the patched unit, and derive the functions whose
 * code changed.
 */
#ifndef KLP_CCP_PATCH_MODE_H
#define KLP_CCP_PATCH_MODE_H

#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/* Functions by change, by source function name (clones folded in). */
struct changed_result {
	struct strlist changed, added, removed, line_only;
	long long *line_delta;		/* per line_only entry: how far its lines moved */
};

/* changed_set.c: compare two objects function by function. */
int changed_set_compute(const char *orig_o, const char *patched_o,
			struct changed_result *out);
void changed_result_release(struct changed_result *r);

/*
 * Lines of a patched header's patched text the patch changed: first..last,
 * or a deletion just before line first when last < first. directive: a
 * preprocessor line is among them.
 */
struct line_span {
	unsigned first, last;
	bool directive;
};

/* A patched header the unit reads first through another header. */
struct nested_header {
	char *path;			/* as the patch names it */
	char *includer;			/* the header including it first */
	struct line_span *spans;
	size_t n_spans;
};

struct patch_plan {
	char *scratch;			/* temporary directory, removed by release */
	char *patched_input;		/* the patched copy of the input */
	char *ipa_dump;			/* GCC's clone dump of the original unit */
	char *iquote;			/* the original's directory, for its "..." includes */
	struct strlist functions;	/* derived patched functions */
	struct strlist headers;		/* headers the patch changes, as it names them */
	struct nested_header *nested;	/* those lp.c gets unpatched with another header */
	size_t n_nested, cap_nested;
	char *source;			/* the original input, as given */
};

/*
 * Apply patch to scratch copies of cl->input and of the headers it changes
 * (the user's tree is never written), compile both versions with the
 * original command line plus -ffunction-sections -fdata-sections
 * -fdump-ipa-clones (the patched one made to read the patched headers), and
 * derive the changed functions. -1 with a clear error for a patch that does
 * not apply, touches no function, changes a data layout, changes another
 * unit or a header this unit does not include. origin_spec: --patch-origin
 * (the patch diagnostics name instead of patch, and its lines), or NULL.
 */
int patch_mode_prepare(const char *patch, const char *origin_spec, const struct gcc_cmdline *cl,
		       struct patch_plan *plan);
void patch_plan_release(struct patch_plan *plan);

/*
 * patch_headers.c: lp.c must not #include a header the patch changes (the
 * livepatch is built against the unpatched tree): what the output needs from
 * it is copied from the patched text instead. A header reached through
 * another one comes unpatched with that one's #include: the definitions the
 * patch changes in it are found here (-1 with an error for what cannot be
 * copied under a new name: types, objects, declarations, directives).
 */
int patch_mode_mark_headers(const struct patch_plan *plan, struct model *m);

/*
 * patch_headers.c, after patch_mode_mark_headers(): does unit (of a header
 * lp.c #includes) contain text the patch changed, or use a function or macro
 * that does (so it must be copied under a new name)? Is macro a definition
 * the patch changed (re-#defined after the #include)?
 */
bool patch_changes_unit(struct model *m, int unit);
bool patch_changes_macro(struct model *m, int macro);
void patch_changes_release(void);

/* patch_headers.c: a note naming the other units that include header. */
void patch_units_note(const char *header, const struct gcc_cmdline *cl);

/*
 * The units (sources, as kbuild names them, sorted) whose kbuild
 * .NAME.o.cmd files under tree list header (as the patch names it) among
 * what their compile read; self (NULL: none) left out.
 */
void kbuild_units_including(const char *tree, const char *header, const char *self,
			    struct strlist *units);

/* parse.c: libclang reads text for path (the patched headers); -1: too many. */
int parse_override_file(const char *path, const char *text);
void parse_override_clear(void);

#endif
