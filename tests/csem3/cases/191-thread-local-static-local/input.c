/* A function-local _Thread_local static of the patched function and of a
 * copied helper: each thread's instance is the running code's (declared
 * __thread by its symbol x.N), never a pointer to one thread's copy. */
static int depth(void)
{
	static _Thread_local int eu_level;

	return ++eu_level;
}

int pu_count(int x)
{
	static __thread int eu_calls;

	eu_calls += x;
	return eu_calls * 100 + depth();
}
