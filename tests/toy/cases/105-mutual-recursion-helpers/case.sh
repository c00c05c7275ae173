# Mutually recursive helpers are both copied (once each).
defines is_even t
defines is_odd t
lp_count '0 \* 4205' 1
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
