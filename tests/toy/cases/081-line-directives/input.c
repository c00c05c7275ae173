/* Line numbers of copied entities must match the original. */
#include <stddef.h>

#define UNUSED_A 1
#define UNUSED_B 2

struct rec {
	int a; /*@rec@*/
	int b;
};

static int unused_fn(void)
{
	return 1;
}

static int table[3] = { 1, 2, /*@table@*/ 3 };

static int helper(int x)
{
	_Static_assert(__LINE__ == 21, "helper line"); /*@helper@*/
	return x + table[0];
}

int other(void)
{
	return unused_fn();
}

int pu_f(struct rec *r)
{
	_Static_assert(__LINE__ == 32, "pu_f line"); /*@pu_f@*/
	return helper(r->a) + r->b;
}
