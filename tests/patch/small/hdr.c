#include "clamp.h"

int user_a(int x)
{
	return clamp(x) + 1;
}

int user_b(int x)
{
	return clamp(x) * 2;
}

int other(int x)
{
	return twice(x) - 3;
}
