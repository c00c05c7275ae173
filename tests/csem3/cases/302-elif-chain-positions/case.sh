# Item 3: a copied function starts in the third group of an #elif chain
# and ends after #endif; the chosen branch is the same, the groups balance.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
preprocesses_with -USEL -DSEL=4
