# The header defines its external object and function through macros of
# another header, naming them in its own text: not #included;
# the object and function are the running ones.
PATCHED=pu_f
not_includes '"counters.h"'
undefined eu_hits
undefined eu_get_hits
defines klpp_pu_f T
