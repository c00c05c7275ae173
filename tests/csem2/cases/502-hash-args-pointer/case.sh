# Item 5: pointer-externalized names passed to macros that stringize or
# paste them (a _Static_assert checks the stringized spelling): the
# arguments keep their spelling, the calls still go through the pointers.
source "$CASE_DIR/../../lib.sh"
not_includes '"macros_internal.h"'
defines klpe_eupr_g b
defines klpe_espr_obj b
defines trace_eupr_g d
not_referenced eupr_g
not_referenced espr_obj
lp_contains 'CALL_TRACED\(eupr_g, x\)'
lp_lacks 'trace_\(\*klpe'
