# C semantics: prefixed string literal concatenation through macros.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 2
