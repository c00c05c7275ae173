# C semantics: a macro redefined between patched functions: the value at
# each use is the one in effect there.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_a,pu_b,pu_c
lp_order '^#define SCALE 3' 'int klpp_pu_a\(int x\) \{'
lp_order 'int klpp_pu_a\(int x\) \{' '^#define SCALE \(10 \+ 1\)'
behaves_same pu_c 1 4
