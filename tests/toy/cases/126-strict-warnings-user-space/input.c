#include "api.h"

int eu_lib(int x)
{
	return x - 1;
}

static int helper(int x)
{
	return x * 2;
}

int pu_entry(int x)
{
	return eu_lib(helper(x)) + 4260;
}
