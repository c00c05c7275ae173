# typedef of typedef of struct, member access: all three are copied, in order.
lp_contains 'typedef struct base base_t;'
lp_contains 'typedef base_t alias_t;'
lp_contains 'int marker4127;'
lp_order 'struct base \{' 'typedef struct base base_t;'
lp_order 'typedef struct base base_t;' 'typedef base_t alias_t;'
lp_order 'typedef base_t alias_t;' 'klpp_pu_f'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
