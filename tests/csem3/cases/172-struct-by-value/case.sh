# C semantics: Structures passed and returned by value.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_twice,pu_entry
compiles_with -Wall -Werror
lp_contains 'struct pair klpp_pu_twice\(struct pair p\)'
behaves_same pu_entry 1 -6
