/*
 * Recursive inlining: GCC clones walk for it with no clone suffix (the dump
 * says "(null)"), inlines that copy into walk and removes it.
 */
static inline int walk(int *a, int n)
{
	if (n <= 0)
		return 0;
	return a[n] + walk(a, n - 1) + walk(a, n - 2);
}

int top(int *a, int n)
{
	return walk(a, n) * 3;
}

int top2(int *a, int n)
{
	return walk(a, n + 1) * 5;
}
