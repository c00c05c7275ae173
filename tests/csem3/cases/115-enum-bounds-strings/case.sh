# An externalized array whose bound is an enumerator, a copied table of
# concatenated string literals built by macros, __LINE__ stringized.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_slots
behaves_same pu_f 0 1 2 5
