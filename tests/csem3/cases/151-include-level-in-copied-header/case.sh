# C semantics: __INCLUDE_LEVEL__ in text copied out of headers keeps the
# original's value (the header's include depth).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_levels
# the headers are copied, not included, and so are their functions
set_hook may-include-header "$KLP_CCP_POLICIES/may-include-header"
set_hook can-externalize-fun "$KLP_CCP_POLICIES/can-externalize-fun"
lp_contains 'x \+ 1 /\* __INCLUDE_LEVEL__ \*/ \* 10'
lp_contains 'return x \* 100 \+ 2 /\* __INCLUDE_LEVEL__ \*/;'
lp_contains '__INCLUDE_LEVEL__ \* 1000'
behaves_same pu_levels 1 -3
