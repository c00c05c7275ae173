/*
 * Static functions GCC inlined everywhere have no symbol in the running
 * binary: without facts, lp.c must copy them (a declaration would not
 * link), while a static GCC kept out of line (noinline, or too big and
 * called twice) is bound to the running one, and a static local of a
 * copied helper still shares the running state (GCC's x.N symbol). Static
 * objects alike: a constant table GCC folded away and an object only read
 * (GCC dropped both) are copied, a written one is bound to the running one.
 */
static const int fold_tab[3] = { 4, 5, 6 };
static int only_read = 70;
static int eu_state;
static int scale(int x) { return x * 3 + 1; }

static int count(void)
{
	static int eu_calls;

	return ++eu_calls;
}

static inline int twice(int x) { return scale(x) * 2; }

__attribute__((noinline)) static int eu_kept(int x)
{
	static volatile int eu_sink;

	eu_sink = x;
	return x - eu_sink + x * x;
}

int other(int x) { return scale(x) + eu_kept(x) + count(); }

int pu_sum(int x)
{
	eu_state += x;
	return twice(x) + eu_kept(x) + count() * 1000 + fold_tab[1] + only_read +
	       eu_state * 100000;
}
