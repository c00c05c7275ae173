# Item 5, a macro passed as an argument and called through the parameter
# (APPLY(STR, f) -> STR(f)), from a header and from the .c file, two levels
# deep, variadic, pasting (PFX -> eu_##x), next to calls of the renamed
# (patched) function in the same invocation, and a direct #f that renames
# the unit by #define: the stringized and pasted
# spellings stay the original's, the calls go to klpp_pu_h.
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_f,pu_h
includes '"apply.h"'
defines klpp_pu_f T
defines klpp_pu_h T
not_referenced pu_h
lp_lacks '"klpp_'
lp_lacks 'eu_klpp'
lp_contains 'NAME_AND_CALL\(\.\.\.\) expanded by klp-ccp'
stderr_lacks 'cannot'
same_results pu_f 1 5
