#ifndef USE_H
#define USE_H
static inline int use_twice(int x) { return helper_scale(x) * 2; }
#endif
