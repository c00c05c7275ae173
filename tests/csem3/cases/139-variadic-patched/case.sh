# A variadic patched function handing its va_list to a copied helper.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pu_v
behaves_same pu_f 0 4
