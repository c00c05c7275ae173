#ifndef FEAT_H
#define FEAT_H
#ifndef FEAT_LEVEL
#define FEAT_LEVEL 1
#endif
#if FEAT_LEVEL >= 3
static inline int feat_val(void) { return 30 + feat_extra(); }
#else
static inline int feat_val(void) { return 10; }
#endif
#endif
