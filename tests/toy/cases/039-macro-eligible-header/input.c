#include "defs.h"

int pu_f(void)
{
	return HDR_VAL;
}
