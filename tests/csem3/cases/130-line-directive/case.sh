# A #line directive of the original renumbers and renames what follows:
# __LINE__/__FILE__ in lp.c's copies are the presumed ones of the original.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 7
