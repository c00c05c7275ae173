#include "defs_internal.h"

int pu_f(void)
{
	return INT_VAL;
}
