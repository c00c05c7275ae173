# C semantics: explicit register variables and asm operands in copied code.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_contains 'register long rbx_val __asm__\("rbx"\)'
behaves_same pu_f 1 -9
