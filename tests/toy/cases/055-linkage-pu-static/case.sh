# pu_ keeps linkage: a static patched function stays static.
defines klpp_pu_f t
not_referenced pu_f
not_referenced use
lp_contains '4155'
