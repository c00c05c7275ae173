# A copied helper that calls a patched function is rewritten: renamed klpr_helper,
# static, and calling klpp_pu_g.
defines klpr_helper t
not_referenced helper
not_referenced pu_g
lp_contains 'return klpp_pu_g\(x\) \* 4163;'
lp_contains 'return klpr_helper\(x\);'
lp_lacks '\bhelper\s*\('
