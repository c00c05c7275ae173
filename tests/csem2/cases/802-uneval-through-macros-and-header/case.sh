# Item 8 through nested macros of an included header: ARRAY_SIZE (sizeof and
# __builtin_types_compatible_p of typeof), a typeof of a call, and the
# unchosen arm of __builtin_choose_expr; the chosen arm is copied.
source "$CASE_DIR/../../lib.sh"
includes '"util.h"'
declares_only table
declares_only espr_names
declares_only width
declares_only epr_slow
lp_contains 'static int fast\(int x\) \{ return x \+ 1; \}'
same_results pu_f 3
