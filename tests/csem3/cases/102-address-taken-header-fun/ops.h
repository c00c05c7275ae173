#ifndef OPS_H
#define OPS_H
int eu_op_double(int x) { return 2 * x; }
int (*eu_op_ref)(int) = eu_op_double;
#endif
