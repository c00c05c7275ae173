# C semantics: _Static_assert at file and block scope over copied types and
# externalized arrays.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_table
lp_contains '_Static_assert\(__builtin_offsetof'
behaves_same pu_f 1 9
