# typeof of static objects (declared type only), enumerators as bit-field
# widths, case labels, array bounds and in _Static_assert; the statics are
# the running ones.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 3 12 5 3
