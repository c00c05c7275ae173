#include "export.h"

static int helper(int x);

int pu_f(int x)
{
	return helper(x) + 4240;
}
EXPORT_SYMBOL(pu_f);

static int helper(int x)
{
	return x * 2;
}
