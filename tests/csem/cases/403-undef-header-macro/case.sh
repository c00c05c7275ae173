# A header macro #undef'd (a later header tests that) and redefined in the
# .c file: lp.c has the #undef between the two #includes.
PATCHED=pu_f
includes_in_order '"lim.h"' '"after.h"'
lp_order '#include "lim.h"' '#undef LIMIT'
lp_order '#undef LIMIT' '#include "after.h"'
lp_order '#include "after.h"' 'define LIMIT 20'
