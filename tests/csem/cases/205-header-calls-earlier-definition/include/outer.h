#ifndef OUTER_H
#define OUTER_H
#include <inner.h>
#endif
