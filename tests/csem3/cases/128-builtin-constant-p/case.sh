# __builtin_constant_p picks its arm after inlining: both arms are kept,
# the slow path (with its counter) is the running one where reached.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 2
