# Item 5, nested: a renamed (patched) function passed to macros that pass it
# on to macros that stringize or paste it (two and three levels, variadic,
# GNU ", ##args", inside another macro's argument, both stringized and
# called, next to a direct "#f" that renames the unit by #define, a
# multi-line invocation before __LINE__): the invocation is written expanded
# and computes what the original computes.
source "$CASE_DIR/../../../csem2/lib.sh"
PATCHED=pu_f,pu_h
includes '"strs.h"'
defines klpp_pu_f T
defines klpp_pu_h T
not_referenced pu_h
lp_contains 'CALL_NAMED\(\.\.\.\) expanded by klp-ccp'
lp_contains '"pu_h"'
lp_lacks '"klpp_pu_h"'
stderr_lacks 'cannot be expanded'
same_results pu_f 1 7
