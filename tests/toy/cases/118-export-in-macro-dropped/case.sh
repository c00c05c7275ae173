# A livepatch never re-exports: EXPORT_SYMBOL inside a copied macro invocation is silenced.
defines klpp_pu_bump_1 T
not_referenced __ksym_pu_bump_1
not_referenced __ksym_klpp_pu_bump_1
lp_contains '#pragma push_macro\("EXPORT_SYMBOL"\)'
lp_contains '#pragma pop_macro\("EXPORT_SYMBOL"\)'
