#ifndef OUTER_H
#define OUTER_H
#include <inner.h>
static inline int outer_val(struct knob *k) { return inner_scaled(k->level); }
#endif
