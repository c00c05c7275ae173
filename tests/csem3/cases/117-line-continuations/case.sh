# Backslash-newlines inside a macro definition, inside identifiers (the
# patched function's own name and a copied helper's) and a string literal.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
defines klpp_pu_f T
behaves_same pu_f 0 1
