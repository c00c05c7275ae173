#include "inl_internal.h"

int pu_f(int x)
{
	return hinl(x);
}
