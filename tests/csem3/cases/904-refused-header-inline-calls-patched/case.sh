# Item 9: a copied header's static inline and macro call a patched
# function declared only by an included header, defined later.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_g
behaves_same pu_f 0 3
