# A patched function calling other patched functions uses their klpp_ names.
defines klpp_pu_a T
defines klpp_pu_b T
defines klpp_ps_c t
lp_contains 'return klpp_pu_b\(x\) \+ klpp_ps_c\(x\);'
not_referenced pu_b
not_referenced ps_c
lp_lacks '\bpu_b\s*\('
