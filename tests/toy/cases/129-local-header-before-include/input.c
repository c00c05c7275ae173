#include "local_internal.h"

int pu_get(struct box *b)
{
	return b->v;
}
