#include "inl_internal.h"

int pu_f(int x)
{
	return eu_iinl(x);
}
