enum size { SZ_SMALL = 3, SZ_BIG = SZ_SMALL * 4 };
static long long state = 124;
static struct { int w : SZ_SMALL; unsigned u : SZ_BIG; } bits;
_Static_assert(SZ_BIG == 12, "size");
static int table[SZ_BIG];

int pu_f(int x)
{
	__typeof__(state) copy = (state = x);
	__typeof__(bits) *bp = &bits;
	_Static_assert(sizeof(copy) == 8, "long long");
	switch (x) {
	case SZ_SMALL:
		copy += 1000;
		break;
	case SZ_BIG:
		copy += 2000;
		break;
	}
	bp->w = x;
	table[x % SZ_BIG] = x;
	return (int)copy + bp->w + (int)sizeof(table) + table[x % SZ_BIG];
}
