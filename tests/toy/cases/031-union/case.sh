# Unions (named, and anonymous inside a struct) are copied when needed.
lp_contains 'union val \{'
lp_contains 'float f4131;'
lp_contains 'struct tagged \{'
lp_contains 'long sl;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
