# A struct used by value, or in sizeof, needs its definition.
lp_contains 'struct point \{'
lp_contains 'char buf\[4129\];'
lp_order 'struct point \{' 'klpp_pu_f'
lp_order 'char buf\[4129\]' 'klpp_pu_g'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
