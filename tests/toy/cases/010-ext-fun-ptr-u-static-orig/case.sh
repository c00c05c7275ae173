# eup_ on a static original: a static pointer keeping the name; uses become (*eup_f).
defines eup_f b
lp_lacks '4110'
lp_contains 'static[^;]*\(\s*\*\s*eup_f\s*\)\s*\(\s*int[^)]*\)\s*;'
lp_contains '\(\s*\*\s*eup_f\s*\)\s*\(\s*x\s*\)\s*\*\s*2'
