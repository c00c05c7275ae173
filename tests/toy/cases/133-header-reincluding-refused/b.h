#ifndef B_H
#define B_H
#include "api.h"
struct b_thing {
	int w;
};
#endif
