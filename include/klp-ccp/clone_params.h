/*
 * clone_params.c: the arguments of a never-called caller (split_callers.c)
 * for a copy the target has only as an IPA-CP clone (NAME.constprop.N).
 */
#ifndef KLP_CCP_CLONE_PARAMS_H
#define KLP_CCP_CLONE_PARAMS_H

#include <stdbool.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/model.h"

/*
 * For a copied static function lp.c keeps out of line whose only clone in
 * the target is a .constprop one that kept parameters lp.c's calls all
 * pass one constant: sets e->caller_args (unknown values for the kept
 * parameters, what lp.c's calls all pass for the others) and says true.
 */
bool clone_params_caller(struct model *m, struct facts_db *facts, struct entity *e);

#endif
