# A unit's macros are searched for __COUNTER__ value uses once per model:
# LOG is proven to have none for the copied quiet(), and pu_f's PICK
# still reaches the value through NEXT and STEP (whose text names NEXT
# again, a cycle); lp.c advances the counter before pu_f to the original's
# 1 (first() is not copied).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_contains '^/\* klp-ccp: __COUNTER__ is 1 here in the original \*/$'
behaves_same pu_f 0 1
