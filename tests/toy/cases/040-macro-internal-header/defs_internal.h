#ifndef DEFS_INTERNAL_H
#define DEFS_INTERNAL_H
#define INT_VAL 4140
#define INT_OTHER 1
#endif
