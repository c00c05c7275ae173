# A macro from an eligible header: the header is included, the macro not re-emitted.
includes '"defs.h"'
lp_lacks '#\s*define\s+HDR_VAL'
lp_lacks '4139'
lp_contains 'return HDR_VAL;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
