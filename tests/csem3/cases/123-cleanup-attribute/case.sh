# Functions named only in __attribute__((cleanup(f))) — written, in a macro
# body, or as the argument of a macro (also passed on through another) —
# are called: lp.c must have them, acting on the state the policy chose.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 2 5
