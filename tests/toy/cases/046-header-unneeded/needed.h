#define NEEDED_VAL 2
