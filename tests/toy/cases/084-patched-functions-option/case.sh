# --patched-functions instead of the is-patched hook: only pu_a is patched.
PATCHED=pu_a
defines klpp_pu_a T
not_referenced klpp_pu_b
not_referenced pu_b
lp_lacks '5184'
