# eu_: externalizable, plain, keep linkage (global): declared only, undefined in lp.o.
defines klpp_pu_f T
undefined eu_f
lp_lacks '4104'
lp_contains 'eu_f\s*\(\s*x\s*\)\s*\*\s*2'
lp_lacks 'static[^;]*\beu_f\s*\('
