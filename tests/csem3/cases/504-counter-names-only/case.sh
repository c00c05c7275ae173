# __COUNTER__ that only makes names (pasted, as the kernel's __UNIQUE_ID)
# or strings: lp.c needs distinct values only, it does not preprocess
# anything to reproduce them.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_lacks 'klp-ccp: __COUNTER__'
behaves_same pu_f 0 1
