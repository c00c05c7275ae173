#define DEFS_VAL 7
