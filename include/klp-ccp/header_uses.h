/* What an included header's code references as lp.c compiles it (header_uses.c). */
#ifndef KLP_CCP_HEADER_USES_H
#define KLP_CCP_HEADER_USES_H

#include <stdbool.h>
#include "klp-ccp/model.h"

/* Is c's own name written in the text at its location (not made by ##)? *file: there. */
bool cursor_spells_name(struct model *m, CXCursor c, const char *name, int *file);

/*
 * Per entity (n_ents flags, caller frees): referenced by the code of hdr's
 * subtree that lp.c compiles when it includes hdr without the .c file's
 * macros that make the subtree define: every top-level declaration but the
 * non-inline functions and objects a macro defined under a pasted name.
 */
bool *header_uses_scan(struct model *m, int hdr);

#endif
