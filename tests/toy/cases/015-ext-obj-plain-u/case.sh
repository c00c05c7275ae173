# An externalized object (eu_): extern declaration, undefined in lp.o.
undefined eu_counter
lp_lacks '4115'
lp_contains 'extern[^;]*\beu_counter\s*;'
