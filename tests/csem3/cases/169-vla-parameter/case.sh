# C semantics: Variably modified parameters in prototypes and externalized declarations ([*]).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_vla,pu_entry
compiles_with -Wall -Werror
behaves_same pu_entry 1 4
lp_contains 'klpp_pu_vla\(int n, int m\[\]\[n\]\)'
