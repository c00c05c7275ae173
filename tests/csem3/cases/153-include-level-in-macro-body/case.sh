# C semantics: __INCLUDE_LEVEL__ in the body of a macro invoked by code
# copied out of headers keeps the original's value there (the macros are
# redefined with the header's depth around that code only).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_levels
# the headers are copied, not included, and so are their functions
set_hook may-include-header "$KLP_CCP_POLICIES/may-include-header"
set_hook can-externalize-fun "$KLP_CCP_POLICIES/can-externalize-fun"
includes '"levels.h"'
lp_contains '#define DEPTH_NOW \(2 /\* __INCLUDE_LEVEL__ \*/ \+ 0\)'
lp_contains '#define HERE\(\) 1 /\* __INCLUDE_LEVEL__ \*/'
behaves_same pu_levels 1 -3
