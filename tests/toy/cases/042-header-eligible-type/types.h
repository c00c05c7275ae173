#ifndef TYPES_H
#define TYPES_H
struct point {
	int x, y4142;
};
#endif
