#include "types.h"
static inline int glue(struct point *p)
{
	return p->x;
}
