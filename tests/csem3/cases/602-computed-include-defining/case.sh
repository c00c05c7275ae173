# Item 6: a computed include whose macro comes from another header, naming
# a header the policy refuses (toy: "internal"): its helper is copied.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 2
