# __has_include chooses the branches; lp.c (next to the original headers)
# must choose the same ones.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3
