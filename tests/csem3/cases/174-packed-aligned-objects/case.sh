# C semantics: Packed, aligned and vector types keep their layout.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_layout
lp_contains '__attribute__\(\(packed\)\)'
lp_contains '^typedef int vec4 __attribute__\(\(vector_size\(16\)\)\);'
behaves_same pu_layout 1 3
