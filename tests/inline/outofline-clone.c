/* tally has two callers passing different constants: the target keeps it
 * under its own name, no clone. A livepatch of probe copies it (the kernel
 * policy and the defaults copy a small self-contained callee) with one
 * caller passing one constant: GCC would specialize it (tally.constprop.0)
 * unless it is declared noclone as well as noinline. */
extern int put(int, int);
extern int debug;

static int tally(int *v, int n, int scale)
{
	int s = 0;

	for (int i = 0; i < n; i++) {
		s += v[i] * scale;
		if (debug)
			s += put(i, scale);
	}
	if (scale > 4)
		s += put(s, n);
	for (int i = n - 1; i > 0; i--)
		if (v[i] > scale)
			s ^= put(v[i - 1], i * scale);
	if (s & scale)
		s -= put(n * scale, s >> 3);
	return s;
}

int probe(int *v, int n)
{
	return tally(v, n, 5) + 1;
}

int sample(int *v, int n)
{
	return tally(v, n, 2) - tally(v + 1, n, 3);
}
