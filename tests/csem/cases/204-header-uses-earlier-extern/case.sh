# lim.h's inline code uses an object and a function the .c file declares
# before the #include (lim_log is not used by the patched code, but lp.c
# must still compile with -Werror=implicit-function-declaration).
PATCHED=pu_f
includes '"lim.h"'
lp_order 'eu_limit;' '#include "lim.h"'
lp_order 'lim_report\(int( v)?\);' '#include "lim.h"'
undefined eu_limit
