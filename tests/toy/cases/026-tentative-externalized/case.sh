# Tentative definitions are externalized too (plain and pointer).
undefined eu_tent
lp_lacks '^int eu_tent;'
defines klpe_espr_tent b
not_referenced espr_tent
lp_contains '\(\s*\*\s*klpe_espr_tent\s*\)\s*\+=\s*x'
