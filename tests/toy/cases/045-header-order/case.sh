# Needed headers are included in their original order (not in order of use).
includes '<stddef.h>'
includes_in_order '<stddef.h>' '"zeta.h"'
includes_in_order '"zeta.h"' '"alpha.h"'
