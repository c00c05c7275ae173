# Pointer-externalized symbols referenced from macro bodies: the expansions
# must use the pointers (no reference to the original names, which would also
# be implicit declarations).
defines klpe_espr_f b
defines klpe_eupr_obj b
not_referenced espr_f
not_referenced eupr_obj
lp_lacks '4203'
lp_lacks '5203'
