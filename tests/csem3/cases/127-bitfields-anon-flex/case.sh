# Bit-fields (signed and unsigned, truncating), anonymous struct and union
# members and a flexible array member, through a copied helper.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 9 17
