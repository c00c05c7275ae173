# Item 5, names made by ## and then stringized, in a unit that a direct #f
# renames by "#define pu_h klpp_pu_h": a patched function (pu ## _h) and a
# pointer-externalized object (eepr_ ## obj) whose pasted names are
# stringized through header macros, nested (NAME_OF -> STR(XCAT)),
# variadic (XCAT(__VA_ARGS__)), by a macro of the .c file that also calls
# the pasted name, and pasted again (eu_ ## pu_h): the strings keep the
# original spelling, calls and reads go to the new names.
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_f,pu_h
includes '"names.h"'
defines klpp_pu_f T
defines klpp_pu_h T
defines klpe_eepr_obj B
not_referenced pu_h
not_referenced eepr_obj
lp_lacks '"klp[pe]_'
lp_lacks 'eu_klpp'
stderr_lacks 'cannot'
POINTER_OBJECTS=eepr_obj
same_results pu_f 1 2 3
