# Item 4: FEAT_X is defined for the first header and undefined for the
# second; both test it with #ifdef / defined().
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3
