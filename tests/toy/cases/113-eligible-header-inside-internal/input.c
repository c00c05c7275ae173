#include "glue_internal.h"

int pu_f(struct point *p)
{
	return glue(p) + p->y4213;
}
