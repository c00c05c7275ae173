# C semantics: A weak function is the running (linked) one, never copied.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_hooked
lp_lacks 'weak'
undefined eu_hook_value
behaves_same pu_hooked 1 2
