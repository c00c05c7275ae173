# C semantics: A constructor of the unit is bound to the running one, never copied (it would run again).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_state
lp_lacks 'constructor'
defaults_mode || undefined eu_setup
behaves_same pu_state 1 2
