# A global register variable and an extern declaration define nothing: the
# header is still #included.
PATCHED=pu_f
includes '"regs.h"'
stderr_lacks 'defined by a header'
defines klpp_pu_f T
