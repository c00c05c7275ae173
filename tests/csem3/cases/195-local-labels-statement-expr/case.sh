# C semantics: local labels in statement-expression macros and computed
# gotos in the patched function.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_fails
behaves_same pu_f 1 2 3 7 -2
