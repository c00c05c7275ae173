#ifndef KLP_CCP_SELF_DEFINE_H
#define KLP_CCP_SELF_DEFINE_H

#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/*
 * A patched function that an inline of an included header lp.c uses calls
 * (entity.header_called: the original has a recursion cycle through the
 * header, ___pskb_trim -> pskb_trim -> ___pskb_trim) gets
 * "#define NAME NEW-NAME" after lp.c's first line, so that the header's
 * calls reach the patched function and GCC sees the cycle again; only when
 * every token NAME of the unit's headers and of lp.c is a declaration of
 * it or a direct call. Such a function is then no reference of the header
 * (entity.header_ref cleared). Run on lp.c's final text, before the report.
 */
void self_define_apply(struct model *m, struct strbuf *lp);

#endif
