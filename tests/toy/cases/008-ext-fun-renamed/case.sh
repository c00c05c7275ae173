# eur_: plain externalization under the new name klpe_eur_f.
undefined klpe_eur_f
not_referenced eur_f
lp_lacks '4108'
lp_contains 'klpe_eur_f\s*\(\s*x\s*\)\s*\*\s*2'
lp_lacks '\beur_f\s*\('
