/* changed-functions test input, patched version (see orig.c). */
#include <stdio.h>

static inline int helper(int x)
{
	return x * 5 + 1;
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
	return x + 54321;
}

int commented(int x)
{
	/* Another comment, same lines. */
	return x - 7;
}

static __attribute__((noinline)) int scale(int x, int k)
{
	return x * k - (x >> k);
}

int scale_a(int x)
{
	return scale(x, 7) + 1;
}

int scale_b(int x)
{
	return scale(x + 1, 7) - 1;
}

/* An unrelated hunk: two more lines
 * before report(). */

void report(void)
{
	printf("at line %d\n", __LINE__);
}

int unchanged(int x)
{
	return x * x;
}

int added_fn(int x)
{
	return x | 0x44;
}
