# A function-local static named eu_ is externalized: no definition, undefined symbol.
undefined eu_hits
lp_lacks '4123'
lp_contains '\+\+\s*eu_hits'
