#include "defs.h"

int eu_f(int x)
{
	return x + 1;
}

int eu_obj;

int pu_g(int x)
{
	return x;
}

static int helper(int x)
{
	return pu_g(x) + eu_obj;
}

int pu_f(int x)
{
	return eu_f(x) + helper(x) + DEFS_VAL;
}
