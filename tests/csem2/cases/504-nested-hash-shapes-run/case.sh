# Item 5, nested: more shapes of forwarding to # and ## with a renamed
# (patched) name: an argument stringized and called two levels down, GNU
# ", ## args" with and without arguments, a stringized argument holding
# string and character literals and odd spacing, pasting with an empty
# argument and into a number, forwarding through a macro whose expansion
# invokes the stringizer, __LINE__ stringized next to the name, macro
# names left unexpanded in their own expansion (AA -> BB -> AA), a
# self-named macro (#define eu_same eu_same), an #undef'd macro name in the
# argument, all next to a direct #f that
# renames the unit by #define: same values as the original.
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_f,pu_h
includes '"shapes.h"'
defines klpp_pu_f T
not_referenced pu_h
lp_contains 'NAMED_CALL2\(\.\.\.\) expanded by klp-ccp'
lp_lacks '"klpp_'
lp_contains 'QUOTE\(\.\.\.\) expanded by klp-ccp'
lp_contains 'AT\(\.\.\.\) expanded by klp-ccp'
stderr_lacks 'cannot be expanded'
same_results pu_f 1 5
