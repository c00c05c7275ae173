#include "types.h"

int pu_f(struct point p)
{
	return p.x + p.y4142;
}
