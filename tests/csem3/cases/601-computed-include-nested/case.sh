# Item 6: computed includes through nested macros, both "" and <>.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 2
