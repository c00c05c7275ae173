# Item 3: a copied function starting inside two nested groups and ending
# after both closed, then reopened.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
preprocesses_with -DINNER_OFF
