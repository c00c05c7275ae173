# Item 9: a static patched function called through nested macros from a
# copied helper defined before it.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,ps_step
behaves_same pu_f 0 2
