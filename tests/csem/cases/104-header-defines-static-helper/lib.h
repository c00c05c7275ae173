#ifndef LIB_H
#define LIB_H
static inline int lib_inl(int x) { return x + 1; }
int lib_sum(int a, int b) { return lib_inl(a) + b; }
#endif
