#ifndef INNER_H
#define INNER_H
static inline int inner_get(void) { return base_value() + BASE_EXTRA; }
#endif
