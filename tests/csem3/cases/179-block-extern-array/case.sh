# C semantics: A block-scope extern of an array completed later; sizeof of the full array.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_count,pu_size
behaves_same pu_size 1 2
lp_contains 'sizeof\(eu_table\)'
