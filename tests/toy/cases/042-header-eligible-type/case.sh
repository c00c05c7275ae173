# A type from an eligible header comes with the header, not copied.
includes '"types.h"'
lp_lacks 'struct point\s*\{'
lp_lacks 'int x, y4142;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
