# Includes keep their original spelling: <angle.h> and "quote.h".
CFLAGS="$CFLAGS -I."
includes '<angle.h>'
includes '"quote.h"'
not_includes '"angle.h"'
not_includes '<quote.h>'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
