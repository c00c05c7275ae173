# Functions named only in __attribute__((cleanup(f))) (also through a
# macro) are called: lp.c must have them, acting on the running state.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 2 5
