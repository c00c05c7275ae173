# __COUNTER__ values used as values (an index, a comparison, a helper's
# return value, in the patched function and in a copied helper) are the
# original's in lp.c: lp.c advances the counter before such a unit, past
# what its own #includes consumed (slots.h's inline). Where it only makes
# names, nothing is added (504).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_contains '^/\* klp-ccp: __COUNTER__ is [24] here in the original \*/$'
behaves_same pu_f 0 1
