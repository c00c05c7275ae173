# Item 9: a copied table names a patched function that the .c file defines
# after it (the original relied on a header's prototype of the old name):
# the new name is declared before the table.
source "$CASE_DIR/../../lib.sh"
lp_order '^int klpp_pu_g\(int x\);' '= \{ klpp_pu_g \};'
defines klpp_pu_g T
not_referenced pu_g
same_results pu_f 10
