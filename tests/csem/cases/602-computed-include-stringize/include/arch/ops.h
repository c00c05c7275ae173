#ifndef ARCH_OPS_H
#define ARCH_OPS_H
static inline int arch_op(int x) { return x ^ 5; }
#endif
