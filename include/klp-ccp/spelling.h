/* How an externalized entity will be spelled (src/spelling.c). */
#ifndef KLP_CCP_SPELLING_H
#define KLP_CCP_SPELLING_H

#include "klp-ccp/model.h"
#include "klp-ccp/policy.h"

struct facts_db;

/* DEFINE_PER_CPU and friends: accessed %gs-relative, never through a pointer. */
bool entity_is_percpu(struct model *m, const struct entity *e);
/*
 * Whether naming will rename externalized e and make it a pointer, asked
 * before naming runs (the policy caches the answer). Returns 0 or -1.
 */
int spelling_preview(struct model *m, struct policy *pol, struct facts_db *facts,
		     struct entity *e, bool *renamed, bool *pointer);

#endif
