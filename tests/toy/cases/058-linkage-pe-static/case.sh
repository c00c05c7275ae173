# pe_ makes a static patched function external.
defines klpp_pe_f T
lp_lacks 'static[^;]*klpp_pe_f\s*\('
