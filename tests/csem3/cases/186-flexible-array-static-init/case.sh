# C semantics: static objects with initialized flexible array members.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_seen
shares_state pu_f 1 2 3 4
