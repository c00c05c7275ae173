#ifndef KLP_CCP_OUT_OF_LINE_H
#define KLP_CCP_OUT_OF_LINE_H

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/*
 * Mark (entity.noinline) the functions lp.c copies (not the patched ones)
 * that the target objects have out of line and inlined into none of the
 * livepatch's functions: lp.c declares them noinline before their
 * definitions. GCC
 * inlines a local function with one caller, or a smaller unit's callee,
 * where the original, with more callers, called it (or its .constprop/.isra
 * clone); the attribute keeps the call, and still lets GCC clone the copy.
 * Without facts nothing is marked.
 */
void out_of_line_mark(struct model *m, struct facts_db *facts);

/* Does the definition carry always_inline (which noinline would contradict)? */
bool out_of_line_always_inline(CXCursor def);

#endif
