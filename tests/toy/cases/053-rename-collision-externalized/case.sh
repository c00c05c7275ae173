# klpe_eur_f is taken: the externalized eur_f is declared as klpe_eur_f1.
undefined klpe_eur_f1
defines klpe_eur_f D
not_referenced eur_f
lp_contains 'klpe_eur_f1\s*\(\s*x\s*\)\s*\+\s*klpe_eur_f\b'
