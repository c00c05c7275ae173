# Function-local statics that are not externalizable are copied with their function.
lp_contains 'static int calls = 4122;'
lp_contains 'static int hcalls = 5122;'
defines helper t
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
