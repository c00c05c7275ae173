# Item 3: a group opens inside a copied structure and closes after a copied
# function: the same branch, balanced under other flags too.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
preprocesses_with -UWIDE -DWIDE=0
