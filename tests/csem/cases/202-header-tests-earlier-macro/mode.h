#ifndef MODE_H
#define MODE_H
#if defined(USE_FAST) && FAST_LEVEL > 1
#define MODE_SEEN 2
static inline int mode_val(void) { return 20; }
#else
#define MODE_SEEN 1
static inline int mode_val(void) { return 10; }
#endif
#endif
