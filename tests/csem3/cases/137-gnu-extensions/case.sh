# GNU C: case ranges, statement expressions with __auto_type, computed goto
# through a static table of label addresses, offsetof of a nested member.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5 50 500
