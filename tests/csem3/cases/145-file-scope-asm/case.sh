# A function defined by a file-scope asm statement: lp.c calls the
# running one and does not define it again.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_asm_fn
behaves_same pu_f 0 1
