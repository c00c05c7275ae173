# Items 7 and 9: a copied table of function pointers with an #if and an
# #include inside its initializer, naming a patched static function
# (made external, toy pe_) defined after it.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pe_a
defines klpp_pe_a T
behaves_same pu_f 0 2
