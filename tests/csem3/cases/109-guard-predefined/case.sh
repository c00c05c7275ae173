# Items 1-2: a guard macro the .c file defines before the #include keeps
# the header's body out (USED_SCALE stays 109 in used.h).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1 2
