#ifndef INNER_H
#define INNER_H
static inline int inner_scaled(int v) { return SCALE(v) + OFFSET; }
#endif
