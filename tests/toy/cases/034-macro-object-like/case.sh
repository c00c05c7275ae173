# An object-like macro of the .c file used by copied text is re-emitted; the
# use keeps its spelling.
lp_contains '^\s*#\s*define\s+LIMIT\s+4134'
lp_contains 'return x > LIMIT;'
lp_order 'define\s+LIMIT' 'klpp_pu_f'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
