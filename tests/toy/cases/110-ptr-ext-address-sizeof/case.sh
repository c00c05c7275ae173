# Address-of and sizeof of pointer-externalized symbols go through the pointer.
defines klpe_espr_obj b
defines klpe_espr_f b
not_referenced espr_obj
not_referenced espr_f
lp_contains '&\s*\(\s*\*\s*klpe_espr_f\s*\)'
lp_contains 'sizeof\s*\(\s*\(\s*\*\s*klpe_espr_obj\s*\)\s*\)'
lp_contains 'return &\s*\(\s*\*\s*klpe_espr_obj\s*\)'
