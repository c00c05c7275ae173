# C semantics: bit-field widths from macros/enumerators, enum bit-fields.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_f
shares_state pu_f 1 5 7 -3
