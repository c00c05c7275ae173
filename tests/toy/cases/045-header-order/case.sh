# Needed headers are included in their original order (not in order of use).
includes '<stddef.h>'
includes_in_order '<stddef.h>' '"zeta.h"'
includes_in_order '"zeta.h"' '"alpha.h"'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
