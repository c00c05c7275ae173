# Item 1: a defining header behind an "#if !defined" guard, included twice.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_cfg_base
behaves_same pu_f 0 9
