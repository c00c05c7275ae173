# A header that defines an external function and object is not #included
# (that would define second copies in lp.c): they are externalized, what
# else is needed from it (struct rec, REC_BIAS) is copied.
PATCHED=pu_f
not_includes '"defs.h"'
undefined eu_hdr_get
undefined eu_hdr_count
defines klpp_pu_f T
lp_contains 'struct rec'
lp_contains 'define REC_BIAS 7'
