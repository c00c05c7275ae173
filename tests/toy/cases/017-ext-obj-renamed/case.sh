# eur_ object: declared as klpe_eur_obj with the original type.
undefined klpe_eur_obj
not_referenced eur_obj
lp_lacks '4117'
lp_contains 'klpe_eur_obj\s*\+\s*x'
