#include "outer.h"

int user_a(int x)
{
	return limit(x) - 1;
}

int user_b(int x)
{
	return outer_limit(x);
}

int user_c(int x)
{
	return LIMIT_OF(x) * SCALE;
}

int user_d(int x)
{
	return untouched(x);
}
