# Item 4: a macro redefined between two copied functions and inside the
# patched one: each sees its own definition.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 7
