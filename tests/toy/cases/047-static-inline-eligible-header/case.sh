# A static inline function from an eligible header comes with the header.
includes '"inl.h"'
lp_lacks '4147'
lp_contains 'return hinl\(x\);'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
