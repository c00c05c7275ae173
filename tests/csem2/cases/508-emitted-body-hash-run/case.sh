# Item 5, renamed names spelled in the bodies of macros lp.c re-emits (of
# the .c file and of a non-includable header): lp.c writes those bodies
# with the new names, so where # or ## take such a name (HDR_NAME() ->
# STR(pu_h), PASTE(eu_, pu_h)) the invocation is written expanded; where
# the body only calls it (HDR_PLAIN), the re-emitted macro stays.
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_f,pu_h
not_includes '"body_internal.h"'
defines klpp_pu_f T
defines klpe_eepr_obj B
not_referenced pu_h
not_referenced eepr_obj
lp_lacks '"klp[pe]_'
lp_lacks 'eu_klpp'
lp_contains 'HDR_PLAIN\(x\)'
stderr_lacks 'cannot'
POINTER_OBJECTS=eepr_obj
same_results pu_f 1 2 3
