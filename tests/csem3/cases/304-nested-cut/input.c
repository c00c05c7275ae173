#define OUTER 1
#if OUTER
#ifndef INNER_OFF
static int nest_a(int x) { return x + 10; }
static int nest_b(int x)
{
	int r = nest_a(x);
#else
static int nest_b(int x)
{
	int r = x;
#endif
	r *= 2;
#endif
#if !OUTER
static int nest_b(int x) { int r = x;
#endif
	return r + 304;
}

int pu_f(int x)
{
	return nest_b(x);
}
