# helper calls a patched function, so it is rewritten and renamed; klpr_helper
# is taken by a copied object, so it becomes klpr_helper1.
defines klpr_helper1 t
defines klpr_helper d
defines klpp_pu_g T
not_referenced helper
lp_contains 'return klpr_helper1\(x\);'
lp_contains 'klpp_pu_g\(x\) \+ klpr_helper;'
