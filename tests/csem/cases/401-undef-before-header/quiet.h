#ifndef QUIET_H
#define QUIET_H
#ifdef DBG
#error "quiet.h must not see DBG"
#endif
static inline int quiet_val(void) { return 7; }
#endif
