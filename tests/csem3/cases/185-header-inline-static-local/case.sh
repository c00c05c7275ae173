# C semantics: a header static inline with state, called by two patched
# functions: one shared counter with the running code (without facts, the
# original compiled tells the local's symbol, eu_last.N).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_a,pu_b
RUNNING_FLAGS=""
lp_contains 'eu_last'
behaves_with main.c
