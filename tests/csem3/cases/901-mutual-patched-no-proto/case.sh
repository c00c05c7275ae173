# Item 9: patched functions calling each other through a copied helper and
# a copied static table of pointers to them; only a header declares them.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_even,pu_odd
behaves_same pu_f 0 1 4 7
