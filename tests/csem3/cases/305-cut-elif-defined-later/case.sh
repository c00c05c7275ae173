# Item 3: a copied function starts in the #else of an #elif chain whose
# #elif tests a macro defined only later (and needed later): the same
# branch is chosen in lp.c.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 4
preprocesses_with -DFLAG_A
