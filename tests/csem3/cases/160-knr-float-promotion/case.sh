# C semantics: A patched K&R definition with a float parameter keeps its unprototyped type.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_scale
lp_lacks 'klpp_pu_scale\(float'
lp_contains '^int klpp_pu_scale\(\);'
compiles_with -Wall -Werror
