#include "gen_internal.h"

long pu_f(void)
{
	return gen_val();
}
