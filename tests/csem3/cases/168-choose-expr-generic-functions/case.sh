# C semantics: _Generic with a typedef association and __builtin_choose_expr choosing functions.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_conv
lp_contains '^typedef long my_long;'
behaves_same pu_conv 1 7
