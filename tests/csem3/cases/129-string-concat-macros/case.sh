# String literal concatenation with stringized macros, __LINE__ and __FILE__:
# the bytes are the original's.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1
