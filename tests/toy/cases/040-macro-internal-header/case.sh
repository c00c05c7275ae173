# A macro from a non-eligible header is re-emitted; the header is not included,
# and its other macros (include guard, INT_OTHER) are not copied.
lp_contains '^\s*#\s*define\s+INT_VAL\s+4140'
not_includes '"defs_internal.h"'
lp_lacks 'INT_OTHER'
lp_lacks 'DEFS_INTERNAL_H'
