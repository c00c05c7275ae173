# ps_ makes a global patched function static.
defines klpp_ps_f t
not_referenced ps_f
lp_contains 'static[^;]*klpp_ps_f\s*\('
