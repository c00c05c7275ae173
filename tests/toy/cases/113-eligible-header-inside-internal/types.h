#ifndef TYPES_H
#define TYPES_H
struct point {
	int x, y4213;
};
#endif
