/*
 * addr_split.c: a static function the target inlined into a patched
 * function, whose address copied code also takes, is two entities in lp.c:
 * its address sites name the running original (model_entity_original(),
 * externalized), its calls a renamed copy GCC inlines as the target did.
 */
#ifndef KLP_CCP_ADDR_SPLIT_H
#define KLP_CCP_ADDR_SPLIT_H

#include <stdbool.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/* May function idx's address sites name its running original? */
bool addr_split_candidate(const struct model *m, struct facts_db *facts, int idx);

/* Is idx such a function, split by the walk (its original is externalized)? */
bool addr_split_done(const struct model *m, int idx);

/*
 * After a walk: the split of function idx cannot stand (a site a macro body
 * makes, one token naming both, or the function was not copied): the
 * closure walks again without it.
 */
bool addr_split_fails(const struct model *m, int idx);

#endif
