# pu_ keeps linkage: a global patched function stays global.
defines klpp_pu_f T
not_referenced pu_f
