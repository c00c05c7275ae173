#include "inl.h"

int pu_f(int x)
{
	return eu_hinl(x);
}
