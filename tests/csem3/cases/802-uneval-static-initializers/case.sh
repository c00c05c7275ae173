# Item 8 in constant-expression contexts: array bounds, enumerators,
# _Static_assert, static initializers, case labels, __builtin_choose_expr's
# unchosen arm. make_big and pick_long are only declared.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_lacks 'make_big\(int x\) \{'
lp_lacks 'pick_long\(long x\) \{'
behaves_same pu_f 0 8 800 3
