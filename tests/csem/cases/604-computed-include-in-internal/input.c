#include "glue_internal.h"

int pu_f(plat_t *p)
{
	return plat_id(p);
}
