# Item 8: the arm a constant condition drops (?:, if, && and ||) is declared
# only; a condition GCC decides later (__builtin_constant_p) keeps both arms
# copied.
source "$CASE_DIR/../../lib.sh"
declares_only dead_a
declares_only dead_c
declares_only epr_dead_d
declares_only dead_e
declares_only dead_f
lp_contains 'static int live_g\(int x\) \{'
lp_contains 'static int live_b\(int x\) \{'
lp_contains 'static int cst\(int x\) \{'
lp_contains 'static int rt\(int x\) \{'
# a dead arm that a goto enters (kernel error paths: if (0) { undo: ... })
lp_contains 'static int undo\(int x\) \{'
same_results pu_f 4 1000000
