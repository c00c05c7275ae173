# Every use of a pointer-externalized function is rewritten, not only the first.
defines klpe_eupr_f b
not_referenced eupr_f
lp_count '\(\s*\*\s*klpe_eupr_f\s*\)\s*\(\s*[12]\s*\)' 2
lp_lacks '\beupr_f\b'
