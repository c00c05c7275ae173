source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_tick
lp_contains '^extern volatile int eu_cnt;'
lp_contains '^extern const volatile int eu_reg;'
shares_state pu_tick 1 2 3
