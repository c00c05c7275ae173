/* SYSCALL_DEFINE-style stub macros nobody needs (src/stub_macros.c). */
#ifndef KLP_CCP_STUB_MACROS_H
#define KLP_CCP_STUB_MACROS_H

#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/*
 * Macros nested in the copied unit's invocation whose expansions
 * declare only global functions and objects nothing needs (the
 * __ia32_sys_NAME stub of SYSCALL_DEFINE): defined empty around the unit.
 * silenced_by_stub_macro(): e is declared only inside one of them.
 */
void unneeded_stub_macros(struct model *m, int unit, struct strlist *out);
bool silenced_by_stub_macro(struct model *m, int unit, const struct entity *e);

#endif
