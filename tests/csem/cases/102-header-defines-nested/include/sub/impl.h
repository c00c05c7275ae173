#ifndef SUB_IMPL_H
#define SUB_IMPL_H
int eu_impl_state;
long eu_impl_op(long x) { return x * 2 + eu_impl_state; }
#endif
