# A copied non-static function is renamed klpr_ and made static.
defines klpr_ghelper t
not_referenced ghelper
lp_contains 'return klpr_ghelper\(x\);'
lp_contains 'static[^;]*klpr_ghelper\s*\('
lp_contains '4164'
