# Two patched functions share a helper: it is copied once.
defines klpp_pu_a T
defines klpp_pu_b T
defines shared t
lp_count 'return x \+ 4183;' 1
