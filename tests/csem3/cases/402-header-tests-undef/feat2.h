#if defined(FEAT_X)
static inline int feat_b(int x) { return 100; }
#else
static inline int feat_b(int x) { return 200 + x; }
#endif
