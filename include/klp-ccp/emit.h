/* Stage "emit": lp.c text from the closure plan, written atomically. */
#ifndef KLP_CCP_EMIT_H
#define KLP_CCP_EMIT_H

#include "klp-ccp/counter.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/*
 * rewrite.c: text of a copied unit with its edits applied. Names that only
 * macro bodies spell are added to names as "OLD REPLACEMENT", to be renamed
 * with #define around the unit. Macros to redefine for the unit (the one
 * invoked, with an object's definition made a declaration) are added to
 * overrides as pairs NAME, "#define NAME... \n". renamed: plan_renamed_names(),
 * computed once for all units.
 */
int rewrite_unit(struct model *m, int unit, const struct strlist *renamed,
		 struct strbuf *out, struct strlist *names, struct strlist *overrides);
/* rewrite.c: EXPORT_SYMBOL-style macros that expanding the unit's text invokes. */
void export_macros_of_unit(struct model *m, int unit, struct strlist *out);
/* rewrite.c: prototype of a patched function with external linkage. */
int patched_prototype(struct model *m, struct entity *e, struct strbuf *out);
/* rewrite.c: declaration of an externalized entity ("extern int x;"). */
int externalized_declaration(struct model *m, struct entity *e, struct strbuf *out);

/* rewrite.c: what a reference to e becomes ("klpp_f", "(*klpe_x)"), or NULL. */
char *reference_text(const struct entity *e);
/* The entity a reference to idx made by a macro body names: the running
 * original of a patched function whose address a macro's expansion takes
 * (entity.orig_via_macro), else the patched one for its original. */
struct model;
int macro_reference_entity(struct model *m, int idx);

struct emit_request {
	const char *outfile;
	const char *input;
	char *const *patched;
	size_t n_patched;
	const struct strlist *args;	/* original compiler arguments (-I dirs) */
	const struct strlist *sys_dirs;	/* the compiler's default include directories */
	struct counter_sites *counter;	/* filled: units using __COUNTER__'s value */
};

/* Build lp.c in memory. */
int emit_build(struct model *m, const struct emit_request *req, struct strbuf *out);

#endif
