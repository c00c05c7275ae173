#ifndef KLP_CCP_HEADER_STATE_H
#define KLP_CCP_HEADER_STATE_H

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/*
 * A static variable of a header's static inline function exists once per
 * translation unit: lp.c #includes the header, so the header's own copy of
 * the function would count, cache or remember in a fresh instance while the
 * running code keeps the original unit's. Does the header function idx keep
 * such state, directly or through the header functions it calls? Only
 * state the target binds to a symbol counts (facts: its x.N; without
 * them, the original compiled, own: only asked when such a static is
 * there); a static a
 * macro body declares (WARN_ONCE's flag) stays private as in copied code.
 * The closure then copies the function under a new name and externalizes
 * its state. The same for a header function through which the target
 * inlined a global function of the unit into a patched one, when lp.c
 * cannot give that function an inline body (see header_state.c).
 */
struct own_facts;
bool header_fun_has_state(struct model *m, struct facts_db *facts, struct own_facts *own,
			  int idx);

/* Const down to the elements (arrays included): a copy of it behaves the same. */
bool var_read_only(CXCursor var);

#endif
