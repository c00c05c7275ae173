# helper_a references a plainly externalized name (no edit): name kept.
# helper_b references a pointer-externalized, helper_c a renamed function:
# their text is edited, so they are renamed klpr_.
defines helper_a t
defines klpr_helper_b t
defines klpr_helper_c t
not_referenced helper_b
not_referenced helper_c
undefined eu_f
undefined klpe_eur_f
defines klpe_espr_f b
lp_contains '\(\s*\*\s*klpe_espr_f\s*\)\s*\(\s*x\s*\)\s*\+\s*2'
lp_contains 'klpe_eur_f\s*\(\s*x\s*\)\s*\+\s*3'
