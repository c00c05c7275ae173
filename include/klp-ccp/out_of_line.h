#ifndef KLP_CCP_OUT_OF_LINE_H
#define KLP_CCP_OUT_OF_LINE_H

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/*
 * Mark (entity.noinline) the functions lp.c copies (not the patched ones)
 * that the target objects have out of line and inlined into none of the
 * livepatch's functions (or into copied ones only, when a patched function
 * calls it there): lp.c declares them noinline before their
 * definitions. GCC
 * inlines a local function with one caller, or a smaller unit's callee,
 * where the original, with more callers, called it (or its .constprop/.isra
 * clone); the attribute keeps the call, and still lets GCC clone the copy.
 * An included header's inline (the kernel's find_next_bit, pfn_valid) is
 * marked noinline_early when lp.c calls it and its type is spelled with
 * basic types and pointers to struct tags only: it must be declared
 * noinline before the header defines it. Without facts nothing is marked.
 */
void out_of_line_mark(struct model *m, struct facts_db *facts);

/*
 * The declarations lp.c puts before its first line of copied text for the
 * header inlines marked noinline_early ("struct page;" forward declarations,
 * then "static T f(ARGS) __attribute__((__noinline__));"), with -Wattributes
 * off for the rest of lp.c; "" when there are none (malloc'ed).
 */
char *out_of_line_early_decls(const struct model *m);

/* Does the definition carry always_inline (which noinline would contradict)? */
bool out_of_line_always_inline(CXCursor def);

#endif
