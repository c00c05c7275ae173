# A function pointer typedef used by a struct member is copied before the struct.
lp_contains 'typedef int \(\*handler_t\)\(int\);'
lp_order 'typedef int \(\*handler_t\)' 'struct ops \{'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
