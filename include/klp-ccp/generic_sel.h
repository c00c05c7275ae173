/* Which association a _Generic selects, for unevaluated.c. */
#ifndef KLP_CCP_GENERIC_SEL_H
#define KLP_CCP_GENERIC_SEL_H

#include <clang-c/Index.h>

#include "klp-ccp/model.h"

/*
 * Index (0-based) of the association the _Generic gse selects (ctrl: its
 * controlling expression; n_assoc: its number of associations), or -1 when
 * the written type names do not tell for sure.
 */
int generic_selected(struct model *m, CXCursor gse, CXCursor ctrl, int n_assoc);

/* The typedef names and tags ("struct s") the associations' type names of
 * gse write (libclang shows no reference to them). */
void generic_type_names(struct model *m, CXCursor gse, struct strlist *names);

#endif
