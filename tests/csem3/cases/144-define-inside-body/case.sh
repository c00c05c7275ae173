# #define/#undef inside the patched function's body change macros for the
# rest of the body and for what follows; a copied helper before it keeps
# the old STEP.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 4
