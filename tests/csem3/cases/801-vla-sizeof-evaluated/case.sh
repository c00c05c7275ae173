# Item 8 limits: sizeof of a variable-length array type evaluates its size
# expression (dim is called and must be defined or externalized), while
# sizeof/_Alignof/typeof of a plain expression and a _Generic association
# not selected (of another type) do not (never and g_long are only
# declared). The selected function designator is called, not address-taken.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_lacks 'never\(int x\) \{'
lp_lacks 'g_long\(long x\) \{'
behaves_same pu_f 0 3
