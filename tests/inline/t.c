#include "api.h"

/* inlined into f, kept out of line for table */
static int s(int x)
{
	return x * 5 + 1;
}

int (*const table[])(int) = { s };

int f(int x)
{
	return g(x) + s(x) + n(x);
}

/* global, inlined into f and other, defined after its first use */
int g(int x)
{
	return x * 3 + 7;
}

__attribute__((noinline)) int n(int x)
{
	return x ^ 0x55;
}

int other(int x)
{
	return g(x + 1);
}
