# A non-externalizable global object: its definition is copied.
lp_contains '^int gval = 4121;'
defines gval D
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
