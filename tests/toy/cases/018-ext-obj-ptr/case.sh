# espr_ object: static pointer klpe_espr_obj, every use becomes (*klpe_espr_obj).
defines klpe_espr_obj b
not_referenced espr_obj
lp_lacks '4118'
lp_contains 'static\s+long\s*\*\s*klpe_espr_obj\s*;'
lp_contains '\(\s*\*\s*klpe_espr_obj\s*\)\s*\+=\s*x'
lp_contains 'return\s+\(\s*\*\s*klpe_espr_obj\s*\)\s*;'
