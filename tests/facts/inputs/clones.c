/*
 * Input of tests/facts/run.sh, compiled with gcc 12 -O2 -g: every way GCC
 * changes a function's presence in the binary, one function each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void report_failure(const char *what, int x) __attribute__((cold));

/* Inlined into both callers: no out-of-line copy. */
static inline int inl_helper(const int *v, int n)
{
	int s = 0;

	for (int i = 0; i < n; i++)
		s += v[i] * (i + 3) ^ (s >> 2);
	return s;
}

int caller_one(const int *v, int n)
{
	return inl_helper(v, n) + 2;
}

int caller_two(const int *v, int n)
{
	return inl_helper(v, n + 1) - 7;
}

/* Nested inlining: nest_inner into nest_mid, both into nest_top1/nest_top2. */
static inline int nest_inner(int x)
{
	return x * x + 17 * x;
}

static inline int nest_mid(int x)
{
	return nest_inner(x + 1) - nest_inner(x - 1);
}

int nest_top1(int x)
{
	return nest_mid(x) + 5;
}

int nest_top2(int x)
{
	return nest_mid(x * 3) + 9;
}

/* IPA-SRA: only fields of the pointed-to struct are used -> .isra.0 */
struct big {
	int a, b, c, d;
	long e[8];
};

static int __attribute__((noinline)) isra_helper(struct big *p)
{
	return nest_inner(p->a) * 17 + p->c;
}

int use_isra(struct big *p)
{
	return isra_helper(p) + isra_helper(p + 1);
}

/* Always the same constant argument -> .constprop.0 */
static int __attribute__((noinline)) cp_helper(int x, int k)
{
	int s = 0;

	for (int i = 0; i < x; i++)
		s += i * k + (s >> 3);
	return s;
}

int use_cp1(int x)
{
	return cp_helper(x, 5);
}

int use_cp2(int x)
{
	return cp_helper(x + 1, 5);
}

/* Likely early exit inlined, the rest split off -> .part.0 */
static int part_helper(const char *s)
{
	int n = 0;

	if (__builtin_expect(s == NULL, 1))
		return 0;
	for (; *s; s++) {
		if (*s == 'x')
			n += strlen(s) * 3;
		n ^= *s;
		if (n > 1000000)
			printf("big %d\n", n);
	}
	if (n < 0) {
		fprintf(stderr, "negative %d\n", n);
		abort();
	}
	return n;
}

int use_part1(const char *s)
{
	return part_helper(s) + 1;
}

int use_part2(const char *s)
{
	return part_helper(s) * 2;
}

/* The path calling a cold function is split off -> .cold */
int cold_fn(int x)
{
	if (x > 100) {
		report_failure("too big", x);
		fprintf(stderr, "too big %d\n", x);
		abort();
	}
	return x + 1;
}

/* Plain symbols: a global object, a static object, a weak function. */
int global_var = 3;
static int static_var;

int __attribute__((weak)) weak_fn(int x)
{
	return x + global_var + static_var++;
}
