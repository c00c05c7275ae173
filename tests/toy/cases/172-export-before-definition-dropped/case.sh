# EXPORT_SYMBOL(f) written before f's definition is no prototype to copy
# with a copied f: it defines the export entry (a livepatch never exports),
# whose &f would count as f's address taken (then f must be externalized:
# an error with the toy policy). The plain prototype before it is copied.
defines klpp_pu_f T
defines klpr_helper t
lp_lacks 'EXPORT_SYMBOL'
not_defined __ksym_helper
not_defined __ksym_klpr_helper
