#define FEAT_LEVEL 3
static inline int feat_extra(void) { return 4; }
#include <feat.h>
#undef FEAT_LEVEL
