#ifndef LIM_H
#define LIM_H
#define LIMIT 10
struct lim { int v[LIMIT]; };
#endif
