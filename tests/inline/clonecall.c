/* GCC clones the static scale for its constant argument (scale.constprop.0)
 * and removes scale itself: a livepatch cannot replace it by name.
 * --ipa-clones patches its callers instead: store, and load, which exists
 * only as load.constprop.0 too, so its callers get1 and get2. */
extern int table[64];
extern void note(int);

static __attribute__((noinline)) int scale(int *v, int n, int shift)
{
	int sum = 0;

	for (int i = 0; i < n; i++) {
		sum += v[i] << shift;
		note(sum);
	}
	return sum;
}

static __attribute__((noinline)) int load(int n, int bias)
{
	int r = scale(table, n, 3);

	note(r);
	return r + bias;
}

int get1(int n)
{
	return load(n, 5) + 1;
}

int get2(int n)
{
	return load(n, 5) * 2;
}

int store(int n)
{
	return scale(table, n, 3) - 1;
}
