# eup_ on a global original: the pointer keeps the name and the (external) linkage.
defines eup_f B
lp_lacks '4111'
lp_contains '\(\s*\*\s*eup_f\s*\)\s*\(\s*x\s*\)\s*\*\s*2'
lp_lacks 'static[^;]*\(\s*\*\s*eup_f\s*\)'
