# Item 8: if (DEBUG) with DEBUG 0 drops the call; a condition that calls a
# function is not constant: both arms stay.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
