# C semantics: An enumerator in #if is 0 to the preprocessor; lp.c takes the same branches.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_pick
lp_contains 'return x \* PICK \+ MODE_B;'
behaves_same pu_pick 1 2
