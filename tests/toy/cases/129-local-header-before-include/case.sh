# An included header (include/inner.h) uses what the non-includable header
# including it defined before the #include: that definition is copied first.
CFLAGS="-std=gnu11 -O2 -Wall -Werror=implicit-function-declaration -Iinclude"
defines klpp_pu_get T
lp_order 'static inline int twice' '^#include <inner.h>'
