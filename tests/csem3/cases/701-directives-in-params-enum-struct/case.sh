# Item 7: #if inside an enum body, a struct body, a function head and a
# return expression stay where they were.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3
