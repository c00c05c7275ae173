# DBG is defined for a copied helper and #undef'd before a header and the
# patched function: the #undef stays in order.
PATCHED=pu_f
includes '"quiet.h"'
lp_order 'define DBG 1' '#undef DBG'
lp_order '#undef DBG' '#include "quiet.h"'
defines klpp_pu_f T
