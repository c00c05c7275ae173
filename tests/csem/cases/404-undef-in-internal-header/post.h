#ifndef POST_H
#define POST_H
#ifdef TMP_SCALE
#error "TMP_SCALE leaked"
#endif
#define TMP_SCALE 9
static inline int post_scale(void) { return TMP_SCALE; }
#endif
