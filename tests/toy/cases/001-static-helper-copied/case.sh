# A static helper called by a patched function is copied (original text, name kept).
defines klpp_pu_f T
defines helper t
lp_contains 'return x \* 3 \+ 4101;'
lp_contains 'return helper\(x\) \+ 1;'
not_referenced pu_f
lp_lacks '\bpu_f\s*\('
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
