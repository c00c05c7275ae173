#include "api.h"

static int helper_calls_patched(int x)
{
	return x > 0 ? pu_odd(x - 1) : 0;
}

static int (*const dispatch[])(int) = { pu_even, pu_odd };

int pu_even(int x)
{
	return x == 0 ? 1 : helper_calls_patched(x);
}

int pu_odd(int x)
{
	return x == 0 ? 0 : dispatch[0](x - 1);
}

int pu_f(int x)
{
	return pu_even(x) * 10 + dispatch[1](x);
}
