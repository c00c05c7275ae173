#ifndef V_H
#define V_H
#ifdef VERBOSE
#error "v.h must not see VERBOSE"
#endif
static inline int v_level(void) { return 1; }
#endif
