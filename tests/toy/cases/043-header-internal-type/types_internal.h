#ifndef TYPES_INTERNAL_H
#define TYPES_INTERNAL_H
struct point {
	int x, y4143; /*@pt@*/
};
#endif
