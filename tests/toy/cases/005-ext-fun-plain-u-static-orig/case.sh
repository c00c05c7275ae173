# eu_ on a static original: declared (linkage kept: static), not defined.
undefined eu_g
lp_lacks '4105'
lp_contains 'static[^;]*\beu_g\s*\([^)]*\)\s*;'
