# C semantics: typeof of statics (a function-local one and an array).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
RUNNING_FLAGS=""
undefined eu_hist
shares_state pu_f 1 2 3 6
