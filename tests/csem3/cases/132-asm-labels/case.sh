# asm labels give symbols another name than the C identifier: lp.c's
# references must bind to the running renamed_obj/renamed_fun.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined renamed_obj
not_defined eu_asm_obj
behaves_same pu_f 1 2
