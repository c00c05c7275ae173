#ifndef AFTER_H
#define AFTER_H
#ifndef LIMIT
#define AFTER_LIMIT 1
#else
#define AFTER_LIMIT 0
#endif
static inline int after_val(void) { return AFTER_LIMIT; }
#endif
