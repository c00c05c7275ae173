# es_: plain externalization made internal: a static declaration, undefined symbol.
undefined es_f
lp_lacks '4106'
lp_contains 'static[^;]*\bes_f\s*\([^)]*\)\s*;'
