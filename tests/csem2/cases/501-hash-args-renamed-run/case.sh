# Item 5: renamed functions (patched pu_h, rewritten helper) passed to macros
# (of an included header and of the .c file) that stringize (#f) or paste
# (my_##f) the argument and also call it: the values stay the original's.
source "$CASE_DIR/../../lib.sh"
includes '"strs.h"'
defines klpr_helper t
defines my_pu_h t
lp_contains 'CALL_AND_NAME\(pu_h, x\)'
lp_contains 'WITH_MY\(pu_h, x\)'
not_referenced pu_h
same_results pu_f 2
