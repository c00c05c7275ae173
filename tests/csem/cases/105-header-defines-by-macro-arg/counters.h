#ifndef COUNTERS_H
#define COUNTERS_H
#include "defmac.h"
DEFINE_COUNTER(eu_hits, 4);
DEFINE_GETTER(eu_get_hits, eu_hits)
static inline int counters_twice(int x) { return 2 * x; }
#endif
