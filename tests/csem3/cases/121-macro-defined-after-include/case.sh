# A header tests a macro the .c file defines only after including it: the
# header saw it undefined, lp.c's #include must see it undefined too, while
# the .c file's own later code sees it defined.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1 5
