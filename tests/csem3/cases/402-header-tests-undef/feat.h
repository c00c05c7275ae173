#ifdef FEAT_X
static inline int feat_a(int x) { return x + 1; }
#else
static inline int feat_a(int x) { return x - 1; }
#endif
