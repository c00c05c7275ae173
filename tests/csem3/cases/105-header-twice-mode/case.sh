# Items 1 and 4: an unguarded header included twice under two macro states
# defines a different static helper each time; lp.c keeps both.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
defines klpp_pu_f T
behaves_same pu_f 0 3 -4
