# use.h's inline code calls a function the .c file declares before the
# #include: the declaration comes before the #include in lp.c too (no
# implicit declaration), and the function is copied or externalized (the
# defaults: it is noinline, so the running binary has a symbol of it).
PATCHED=pu_f
includes '"use.h"'
lp_order 'helper_scale\(int( x)?\);' '#include "use.h"'
if defaults_mode; then undefined helper_scale; else defines helper_scale t; fi
