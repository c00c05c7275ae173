#ifndef PLAT_H
#define PLAT_H
typedef struct { int id; } plat_t;
#endif
