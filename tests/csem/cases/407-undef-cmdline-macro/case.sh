# A command-line macro (-DVERBOSE=1) #undef'd by the file before a header
# that tests it, then defined again.
PATCHED=pu_f
CFLAGS="$CFLAGS -DVERBOSE=1"
defines klpp_pu_f T
lp_order '#undef VERBOSE' '#include "v.h"'
lp_order '#include "v.h"' 'define VERBOSE 2'
