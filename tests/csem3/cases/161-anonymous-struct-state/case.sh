# C semantics: A writable object of an unnamed struct type is shared, not copied.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_record
lp_lacks '^static struct \{'
shares_state pu_record 1 2 3 4
