#include "inl.h"

int pu_f(int x)
{
	return hinl(x);
}
