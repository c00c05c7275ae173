# An eligible header included by a non-eligible one: the type comes with
# "types.h", the inline function is copied out of glue_internal.h.
includes '"types.h"'
not_includes '"glue_internal.h"'
lp_lacks 'struct point\s*\{'
lp_contains 'static inline int glue\(struct point \*p\)'
lp_order '#\s*include\s*"types\.h"' 'static inline int glue'
