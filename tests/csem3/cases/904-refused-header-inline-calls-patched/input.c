#include "api.h"
#include "wrap_internal.h"

int pu_g(int x)
{
	return x * 904;
}

int pu_f(int x)
{
	return WRAP(x) + twice_g(x);
}
