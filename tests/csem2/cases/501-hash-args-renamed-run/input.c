#include "strs.h"

int pu_h(int x)
{
	return x + 5;
}

static int my_pu_h(int x)
{
	return x * 11;
}

static int helper(int x)
{
	return pu_h(x) * 3;
}

#define NAMED(f) f(1) + (int)sizeof(#f)

int pu_f(int x)
{
	return CALL_AND_NAME(pu_h, x) + CALL_AND_NAME(helper, x) + WITH_MY(pu_h, x) +
	       NAMED(helper) + 501;
}
