#ifndef API_H
#define API_H
typedef long api_val_t;
#include <sub/impl.h>
static inline api_val_t api_twice(api_val_t v) { return v + v; }
#endif
