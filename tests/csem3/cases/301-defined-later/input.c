#ifdef LATE
static int pick(int x) { return x + 1; }
#else
static int pick(int x) { return x + 2; }
#endif
#define LATE 1
#if defined(LATE)
static int pick2(int x) { return x * LATE + 30; }
#endif

int pu_f(int x)
{
	return pick(x) * 100 + pick2(x);
}
