# A header brought in through another one uses a function-like macro (which
# expands another), a macro and a struct that the .c file defines first.
PATCHED=pu_f
CFLAGS="$CFLAGS -Iinclude"
includes '<outer.h>'
lp_order 'define SCALE\(x\)' '#include <outer.h>'
lp_order 'define MUL\(a, b\)' '#include <outer.h>'
lp_order 'define OFFSET 11' '#include <outer.h>'
lp_order 'struct knob \{' '#include <outer.h>'
