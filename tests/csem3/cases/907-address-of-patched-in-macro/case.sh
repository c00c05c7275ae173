# C semantics: a patched function's address taken through a macro body (or
# in a unit renamed by "#define F NEW") is the running original's; macros
# that only call it call the patched function.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_t,pu_eu_cb,pu_eu_other
lp_contains '^#define IS_MINE\(f\) \(\(f\) == pu_eu_cb\)$'
lp_contains '^#define MY_CB pu_eu_cb$'
lp_contains '^#define CALL_OTHER\(x\) klpp_pu_eu_other\(x\)$'
lp_contains 'REGISTER\(pu_eu_other\) \+ \(last == pu_eu_other\)'
lp_lacks "^#define pu_eu_(cb|other) klpp_"
undefined pu_eu_cb
undefined pu_eu_other
behaves_same pu_t 1 5 -2
