# Item 7: an #include inside a copied initializer stays there.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5 7
