# Item 2: a header whose inline code uses a type, a function declared (and
# defined after it) and a macro of the .c file before its #include.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_order 'typedef struct' '#include "wrap.h"'
lp_order 'define USE_FAST 1' '#include "wrap.h"'
behaves_same pu_f 0 4
