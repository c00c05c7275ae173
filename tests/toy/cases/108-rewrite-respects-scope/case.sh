# Renaming touches references to the entities only: struct members and a
# local variable with the same names are left alone (so helper is not rewritten).
lp_contains 'int espr_v;'
lp_contains 'int pu_g;'
lp_contains 'b->espr_v \+ b->pu_g;'
lp_contains 'int espr_v = 3;'
lp_contains 'r \+= espr_v;'
lp_contains 'helper\(b\) \+ \(\s*\*\s*klpe_espr_v\s*\) \+ klpp_pu_g\(1\)'
not_referenced espr_v
defines helper t
