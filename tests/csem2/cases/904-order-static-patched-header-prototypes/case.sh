# Item 9: the static prototypes the original relied on come from a header;
# the patched static pu_b (linkage kept: internal) and the rewritten helper
# get prototypes of their new names before their first use, static like
# their definitions.
source "$CASE_DIR/../../lib.sh"
lp_order '^static int klpp_pu_b\(int x\);' 'klpp_pu_b\(x - 1\)'
lp_order '^static int klpr_helper_c\(int x\);' 'klpr_helper_c\(x\); \}'
defines klpp_pu_b t
same_results pu_a 0 1 2 5
