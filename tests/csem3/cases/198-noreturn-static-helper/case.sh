# C semantics: noreturn/cold static helpers and __builtin_unreachable.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 3 -4
