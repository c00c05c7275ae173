#include <angle.h>
#include "quote.h"

int pu_f(void)
{
	return ANGLE_VAL + QUOTE_VAL;
}
