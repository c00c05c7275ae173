# C semantics: GNU case ranges over enumerators.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_grade
lp_contains 'case L_LOW \.\.\. L_MID - 1:'
behaves_same pu_grade 0 1 4 5 9 10 11
