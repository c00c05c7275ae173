# An #include in a function body (twice) and one inside a struct definition
# (which also declares struct ops at file scope): each stays in place.
PATCHED=pu_f,pu_g
defines klpp_pu_f T
lp_count '#[[:space:]]*include "step.inc"' 2
lp_count '#[[:space:]]*include "ops.h"' 1
lp_order 'struct table \{' '#[[:space:]]*include "ops.h"'
