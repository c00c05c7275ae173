# C semantics: _Static_assert and offsetof with an anonymous union member.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_offsets
compiles_with -Wall -Werror
lp_contains '_Static_assert\(sizeof\(m\.c\) == 8'
behaves_same pu_offsets 1 9
