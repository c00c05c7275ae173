/* __label__ (local labels) in statement expressions of a macro expanded
 * twice in one function, computed gotos to them, and a nested function's
 * use of its parent's label: each expansion's labels stay its own. */
#define RETRY(expr, tries) ({						\
	__label__ again, done;						\
	int __n = (tries), __r;						\
again:									\
	__r = (expr);							\
	if (__r < 0 && --__n > 0)					\
		goto again;						\
	goto done;							\
done:									\
	__r;								\
})

static int eu_fails;

static int flaky(int v)
{
	return eu_fails-- > 0 ? -1 : v;
}

int pu_f(int x)
{
	void *where = x > 0 ? &&pos : &&neg;

	eu_fails = x & 3;
	goto *where;
pos:
	return RETRY(flaky(x), 5) + RETRY(flaky(2 * x), 2) * 100;
neg:
	return -RETRY(flaky(-x), 3);
}
