# C semantics: asm goto (labels as operands) in copied functions.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_contains 'asm goto\(""'
undefined eu_taken
behaves_same pu_f 1 7 -4
