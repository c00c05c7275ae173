#ifndef DEFS_H
#define DEFS_H
#define HDR_VAL 4139
#endif
