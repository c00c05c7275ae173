# C semantics: in a unit renamed by "#define F klpp_F" (a macro makes the
# patched function's name), the address the unit takes names the running F
# (an alias declared with F's symbol), as everywhere else.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_eu_f
lp_contains '^#define pu_eu_f klpp_pu_eu_f$'
lp_contains '__asm__\("pu_eu_f"\);'
lp_lacks 'eu_cb = pu_eu_f;'
undefined pu_eu_f
behaves_with main.c
