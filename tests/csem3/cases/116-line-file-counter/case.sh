# __LINE__ and __FILE__ through copied macros give the original values;
# __COUNTER__ in copied code still makes distinct names.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1
