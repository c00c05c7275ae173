# A function-local static named espr_: pointer klpe_espr_hits, uses (*klpe_espr_hits).
defines klpe_espr_hits b
not_referenced espr_hits
lp_lacks '4124'
lp_contains '\+\+\s*\(\s*\*\s*klpe_espr_hits\s*\)'
lp_lacks '\bespr_hits\b'
