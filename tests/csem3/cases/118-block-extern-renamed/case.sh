# Block-scope extern declarations of renamed and pointer-externalized
# objects and functions follow the file-scope ones (the toy policy: eepr_
# pointer, eur_ renamed, espr_ pointer); their storage class stays.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
if ! defaults_mode; then
	lp_contains '^[[:space:]]+extern int \(\*klpe_eepr_obj\);'
	lp_contains '^[[:space:]]+extern int klpe_eur_obj;'
	lp_contains '^[[:space:]]+extern int \(\*klpe_espr_fn\)\(int\);'
fi
lp_lacks '^[[:space:]]+int [a-z_]*obj;'
lp_lacks 'extern [a-z]* *int klpp_pu_f\(int x\)$'
compiles_with -O0
