# An array declared incomplete, completed later (a bound written, a bound
# from a string initializer): sizeof in the patched function is the
# completed one.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_arr
not_defined eu_name
behaves_same pu_f 0 3
