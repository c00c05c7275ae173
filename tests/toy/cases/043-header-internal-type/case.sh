# A type from a non-eligible header is copied out of it (with a #line pointing
# into the header); the header is not included and its guard is not needed.
lp_contains 'struct point\s*\{'
lp_contains 'int x, y4143;'
not_includes '"types_internal.h"'
lp_lacks 'TYPES_INTERNAL_H'
same_line pt
