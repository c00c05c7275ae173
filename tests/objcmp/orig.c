/* changed-functions test input, original version (see patched.c). */
#include <stdio.h>

static inline int helper(int x)
{
	return x * 3 + 1;
}

int caller_a(int x)
{
	return helper(x) + 1;
}

int caller_b(int x)
{
	return helper(x) ^ 0x1234;
}

int uses_const(int x)
{
	return x + 12345;
}

int commented(int x)
{
	/* The answer. */
	return x - 7;
}

static __attribute__((noinline)) int scale(int x, int k)
{
	return x * k + (x >> k);
}

int scale_a(int x)
{
	return scale(x, 7) + 1;
}

int scale_b(int x)
{
	return scale(x + 1, 7) - 1;
}

void report(void)
{
	printf("at line %d\n", __LINE__);
}

int removed_fn(int x)
{
	return x ^ 0x55;
}

int unchanged(int x)
{
	return x * x;
}
