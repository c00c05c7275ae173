/* tests/verify/run.sh thunk: tail tail-calls get2 (rel32: fill_tab between them); a build of
 * lp.c that calls get2 returns through the return thunk instead. */
int gv, tab[64];
static __attribute__((noinline, noclone)) int get2(int x)
{
	gv += x;
	return gv * 3;
}
void fill_tab(int x)	/* keeps tail's jump to get2 out of rel8 reach */
{
	for (int i = 0; i < 64; i++)
		tab[i] = tab[(i * 7 + x) & 63] * 5 + tab[(i * 3) & 63] / (x | 1) + i;
	for (int i = 0; i < 64; i++)
		tab[i] += tab[(i * 11 + x) & 63] % (x | 3) + tab[(i * 5) & 63] / (x | 7);
	for (int i = 0; i < 64; i++)
		tab[i] ^= tab[(i * 13 + x) & 63] % (x | 5) - tab[(i * 9) & 63] / (x | 9);
}
int tail(int x) { return get2(x + 1); }
int other2(int x) { return get2(x) + 1; }
