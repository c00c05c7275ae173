# Item 3: a group tests a macro the file defines only after it: lp.c must
# not define it before that group (the #else branch stays chosen).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
preprocesses_with -DLATE=2
