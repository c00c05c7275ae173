# C semantics: zero-length arrays in structures and objects.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_buf
shares_state pu_f 1 2 3
