static int helper_scale(int x);
#include "use.h"

__attribute__((noinline)) static int helper_scale(int x)
{
	return x * 3 + 1;
}

int pu_f(int x)
{
	return use_twice(x);
}
