#ifndef CHECK_H
#define CHECK_H
#if LVL != 3
#error "check.h must see LVL 3"
#endif
static inline int check_val(void) { return LVL * 2; }
#endif
