/* shift is a global function of the unit: GCC keeps its body whatever it
 * inlines. In walk it inlines the call with mode 0 (the constant folds the
 * body away) and calls shift for the other one. A livepatch of walk copies
 * shift (small, named by the code: its body gives GCC what it knew) as a
 * static function with walk its only caller: GCC would inline both calls,
 * dropping the body. lp.c declares the copy used, as the original's body
 * had to stay. tiny, global too, is inlined into walk wherever it is
 * called: its copy is declared used as well (its body stayed too). */
extern int put(int, int);
extern int debug;

int shift(int *v, int n, int mode)
{
	int s = 0;

	if (mode == 0)
		return v[0] + n;
	for (int i = 0; i < n; i++) {
		s += put(v[i], mode);
		if (debug)
			s ^= put(i, s);
	}
	if (mode > 3)
		s += put(s, n);
	return s;
}

int tiny(int x)
{
	return x * 3;
}

int walk(int *v, int n, int m)
{
	int r = shift(v, n, 0);

	if (r > 2)
		r += shift(v, r, m);
	return r + tiny(m);
}
