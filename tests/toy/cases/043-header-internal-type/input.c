#include "types_internal.h"

int pu_f(struct point p)
{
	return p.x + p.y4143;
}
