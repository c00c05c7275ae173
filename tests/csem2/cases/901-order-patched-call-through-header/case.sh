# Item 9: patched functions declared only by a header (and called through a
# header macro, and from a copied helper) before their definitions: each new
# name is declared before its first use, not only before its definition.
source "$CASE_DIR/../../lib.sh"
lp_order '^int klpp_pu_e\(int x\);' 'CALLE\(x\)'
lp_order '^int klpp_pu_c\(int x\);' 'return klpp_pu_c\(x\) \+ 1;'
lp_count '^int klpp_pu_c\(int x\);' 1
not_referenced pu_c
not_referenced pu_e
same_results pu_a 0 1 2 3 4 5
