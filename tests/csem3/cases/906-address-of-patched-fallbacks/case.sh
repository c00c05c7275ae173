# The address of a patched function names the patched function where the
# running original cannot be named: with a warning each.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,ps_h,pu_eepr_g
if ! defaults_mode; then
	expect_stderr "input.c:17:[0-9]+: warning: the address of patched function 'ps_h' is taken here, but the running 'ps_h' cannot be referenced \(the policy cannot externalize it\)"
	expect_stderr "input.c:12: warning: a copied object's static initializer takes the address of patched function 'pu_eepr_g'"
	lp_contains 'mine = klpp_ps_h;'
	lp_contains 'copied_tab\[\] = \{ klpp_pu_eepr_g, klpp_ps_h \}'
	lp_contains '^extern cb_t ee_tab\[1\];'
else
	# the original built with the case's flags has no ps_h (inlined), no
	# tables (folded): nothing running to name, all copied
	RUNNING_FLAGS=""
	expect_stderr "input.c:17:[0-9]+: warning: the address of patched function 'ps_h' is taken here, but the running 'ps_h' cannot be referenced \(the target has no symbol of it"
	lp_contains 'mine = klpp_ps_h;'
	lp_contains 'copied_tab\[\] = \{ pu_eepr_g, klpp_ps_h \}'
	undefined pu_eepr_g
fi
behaves_same pu_f -2 5
