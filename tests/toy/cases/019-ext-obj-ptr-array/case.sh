# A pointer-externalized array: the pointer has pointer-to-array type, so sizeof
# of the rewritten (*klpe_eupr_tab) is unchanged (the static assertion compiles).
defines klpe_eupr_tab b
not_referenced eupr_tab
lp_lacks '4119'
lp_contains '\(\s*\*\s*klpe_eupr_tab\s*\)\s*\[\s*i\s*&\s*3\s*\]'
