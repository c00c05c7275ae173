# C semantics: designated range initializers and overriding designators.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3 4 5 8 -6
