/* GNU designated ranges ([a ... b] = v), later designators overriding
 * earlier ones, nested designators in a copied constant table, and a
 * compound literal with ranges in the patched function. */
struct cell { int lo, hi; };

static const struct cell map[10] = {
	[0 ... 9] = { 1, 2 },
	[3 ... 5].hi = 7,
	[4] = { .lo = 9 },
};

static const unsigned char tbl[] = { [0 ... 3] = 1, [8] = 2, [5 ... 6] = 3 };

int pu_f(int x)
{
	int local[6] = { [1 ... 4] = x, [2] = -x };
	int i = x < 0 ? -x % 10 : x % 10;

	return map[i].lo * 1000 + map[i].hi * 100 + tbl[i % (int)sizeof(tbl)] * 10 +
	       local[2] + local[4] + (int)sizeof(tbl);
}
