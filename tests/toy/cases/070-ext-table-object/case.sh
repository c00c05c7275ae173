# An externalized table: neither its initializer nor the functions in it are needed.
undefined eu_ops
not_referenced op_a
lp_lacks '4170'
lp_lacks '\bop_a\b'
