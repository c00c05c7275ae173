# Item 1 and 4: a header read twice, the second time under DEFINE_VARS it
# defines the objects: lp.c must not define them.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_v_count
not_defined eu_v_limit
behaves_same pu_f 1 2
