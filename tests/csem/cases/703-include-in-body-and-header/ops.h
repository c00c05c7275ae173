#ifndef OPS_H
#define OPS_H
struct ops { int (*fn)(int); };
#endif
