static inline int twice(int x) { return 2 * x + 4290; }
#include <inner.h>
