# Three definitions of LVL: a copied helper uses the first, a header tests
# the second, the patched function the third. All are kept in order.
PATCHED=pu_f
includes '"check.h"'
lp_order 'define LVL 1' 'define LVL 3'
lp_order 'define LVL 3' '#include "check.h"'
lp_order '#include "check.h"' 'define LVL 5'
defines klpp_pu_f T
