# C semantics: __builtin_types_compatible_p and typeof over typedefs.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_types
lp_contains '^typedef unsigned long word_t;'
behaves_same pu_types 1 3
