/* A header static inline with a static local, called from two patched
 * functions and from unpatched code: all of them share the running
 * instance's state (the local's symbol is GCC's eu_last.N). */
#include "counter.h"

int other(void) { return next_id(); }

int pu_a(int x) { return next_id() * 10 + x; }
int pu_b(int x) { return next_id() * 100 + x; }
