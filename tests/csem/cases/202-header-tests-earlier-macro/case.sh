# mode.h tests macros the .c file defines before including it: they are
# defined before its #include in lp.c (the _Static_assert checks the branch).
PATCHED=pu_f
includes '"mode.h"'
lp_order 'define USE_FAST' '#include "mode.h"'
lp_order 'define FAST_LEVEL 3' '#include "mode.h"'
