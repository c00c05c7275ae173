# C semantics: A pointer object holding another static's address: both the running unit's.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_swap
lp_contains '^extern int \*eu_cur;'
shares_state pu_swap 1 2 3 4
