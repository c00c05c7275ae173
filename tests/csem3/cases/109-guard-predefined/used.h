#include "skipped.h"
#ifndef USED_SCALE
#define USED_SCALE 109
#endif
static inline int used_val(int x) { return x * USED_SCALE; }
