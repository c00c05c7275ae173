#ifndef CFG_H
#define CFG_H
struct cfg { int a, b; };
#endif
