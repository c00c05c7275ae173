# Item 9: a copied static initializer names a patched static function
# through a macro, before the function's definition.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,ps_run
behaves_same pu_f -3 0 4
