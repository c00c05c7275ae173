# espr_: static pointer klpe_espr_f to the function type; the original name is gone.
defines klpe_espr_f b
not_referenced espr_f
lp_lacks '4112'
lp_contains 'static[^;]*\(\s*\*\s*klpe_espr_f\s*\)\s*\(\s*int[^,]*,\s*long[^)]*\)\s*;'
lp_contains '\(\s*\*\s*klpe_espr_f\s*\)\s*\(\s*x\s*,\s*3L\s*\)'
lp_lacks '\bespr_f\b'
