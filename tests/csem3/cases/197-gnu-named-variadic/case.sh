# C semantics: GNU named variadic parameters and the ", ##" comma rule.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_buf
behaves_same pu_f 1 42
