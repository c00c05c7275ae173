# Headers nothing copied needs are not included.
includes '"needed.h"'
not_includes '"unused.h"'
not_includes '<stdio.h>'
lp_lacks 'unused_4146'
