# EXPORT_SYMBOL(f) after a patched f declares f again: that registration is not
# copied (a livepatch must not re-export). The prototype before it is.
defines klpp_pu_f T
defines helper t
lp_lacks 'EXPORT_SYMBOL'
not_referenced __ksym_pu_f
not_referenced __ksym_klpp_pu_f
lp_contains '^static int helper\(int x\);'
