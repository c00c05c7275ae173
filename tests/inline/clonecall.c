/* GCC clones the static scale for its constant argument (scale.constprop.0)
 * and removes scale itself: a livepatch cannot replace it by name.
 * --ipa-clones patches its callers, load and store, instead. */
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

int load(int n)
{
	return scale(table, n, 3) + 1;
}

int store(int n)
{
	return scale(table, n, 3) - 1;
}
