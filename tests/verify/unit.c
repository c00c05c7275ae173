/*
 * The translation unit verify's tests extract from (tests/verify/run.sh).
 * Each function shows one way lp.c's build can differ from the target:
 *   count_big:  calls the static helpers triple() and note() (inlined at -O2;
 *               note() calls sink());
 *   use_scale:  calls scale(), which GCC clones into scale.constprop.N;
 *   use_get:    calls get(), not inlined, whose register use GCC knows;
 *   where:      prints __LINE__ (its line moves in moved.c).
 */
#include <stdio.h>

extern int sink(int);
int counter;

static int triple(int x)
{
	return x * 3 + 1;
}

static void note(int a)
{
	if (a > 10)
		sink(a);
}

int count_big(int a)
{
	note(a);
	counter += triple(a);
	return counter;
}

static __attribute__((noinline)) int scale(int v, int k)
{
	int r = 0;

	for (int i = 0; i < k; i++)
		r += sink(v + i);
	return r;
}

int use_scale(int a)
{
	return scale(a, 7) + 1;
}

int use_scale2(int a)
{
	return scale(a * 2, 7) - 1;
}

static __attribute__((noinline)) int get(int x)
{
	return x * 7 + 1;
}

int use_get(int a, int b, int c)
{
	int r = get(a);

	return r + b * c + a;
}

int where(int a)
{
	printf("%d at line %d\n", a, __LINE__);
	return a + 1;
}
