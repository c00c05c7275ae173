# eepr_ on a static original: the pointer klpe_eepr_f is made global.
defines klpe_eepr_f B
not_referenced eepr_f
lp_lacks '4113'
lp_contains '\(\s*\*\s*klpe_eepr_f\s*\)\s*\(\s*x\s*\)'
lp_lacks 'static[^;]*\(\s*\*\s*klpe_eepr_f\s*\)'
