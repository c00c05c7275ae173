/* __typeof__ of a function-local static and of a file-scope static array
 * in the patched function (declarations, casts, sizeof): only their types
 * are used there; the statics themselves are shared state elsewhere. */
static long eu_hist[5];

int pu_f(int x)
{
	static short eu_last = 7;
	__typeof__(eu_last) prev = eu_last;
	__typeof__(eu_hist) snap;
	__typeof__(&eu_hist[0]) p = snap;

	eu_last = (__typeof__(eu_last))x;
	for (unsigned i = 0; i < sizeof(snap) / sizeof(*p); i++)
		p[i] = eu_hist[i] + i;
	eu_hist[x % 5] += x;
	return prev * 1000 + (int)snap[x % 5] + (int)sizeof(__typeof__(eu_last)) * 100;
}
