/* tests/inline/outofline.sh: scan is called out of line by tune (the patched
 * function) and by users*, and inlined into prep only (out of line, called
 * by tune, copied by the livepatch). In lp.c scan has those two callers
 * left: unless declared noinline GCC inlines it into klpp_tune too. */
extern int debug;
extern void note(int, unsigned long);
extern unsigned long bits[4], other[4];

static unsigned long scan(const unsigned long *a, unsigned long size, unsigned long off)
{
	unsigned long n = 0;

	while (off < size) {
		if (a[off / 64] & (1UL << (off % 64)))
			n += off * 3;
		if (debug > 2)
			note((int)off, n);
		off++;
	}
	return n;
}

static void prep(int v)
{
	for (int i = 0; i < v; i++)
		note(i, bits[i & 3] ^ other[(i + v) & 3]);
	if (__builtin_expect(v < 0, 0))
		note(v, scan(bits, 256, 0));
	for (int i = 0; i < v; i += 3)
		note(i * 5, other[i & 3] + (unsigned long)debug);
}

void tune(int v, unsigned long n)
{
	note(v, scan(other, n, 1));
	prep(v);
}

void users1(unsigned long n) { note(1, scan(bits, n, 2)); prep(2); }
void users2(unsigned long n, unsigned long k) { note(2, scan(other, n, k)); prep(3); }
void users3(unsigned long n, unsigned long k) { note(3, scan(bits, k, n) + scan(other, n, k)); prep(4); }
void users4(int k) { prep(k); prep(k + 2); }
