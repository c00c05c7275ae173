# Item 5, nested: pointer-externalized and renamed names (a function and an
# object, klpe_* pointers) passed through macros of a non-includable header
# that forward them to # and ## (a _Static_assert checks the stringized
# spelling, a pasted name is another externalized object, a direct #o in the
# same function renames the unit by #define): stringized and pasted text
# keeps the original spelling, evaluated uses go through the pointers.
source "$CASE_DIR/../../lib.sh"
not_includes '"macros_internal.h"'
defines klpe_eepr_g B
defines klpe_eepr_obj B
defines klpp_pu_f T
undefined eu_eepr_g
not_referenced eepr_g
not_referenced eepr_obj
lp_contains 'expanded by klp-ccp'
lp_lacks '"[(][*]klpe'
lp_lacks 'eu_[(]'
stderr_lacks 'cannot be expanded'
runs_like_original main.c
