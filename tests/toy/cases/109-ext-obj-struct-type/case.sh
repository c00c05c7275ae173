# An externalized object of struct type: the struct definition is copied (a
# member is accessed), the object is only declared.
undefined eu_st
lp_contains 'struct state \{'
lp_contains 'long pad4209;'
lp_order 'struct state \{' '\beu_st\s*;'
