static int calls;
static int bump(int x) { calls++; return x; }
static int count_arg(int n) { return n + 1; }

#define MAX_OF(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })

int pu_f(int x)
{
	int n = count_arg(x);
	int vla[n];
	int before = calls;
	/* sizeof of a VLA object: no call in it, but the size is read */
	int s = sizeof vla / sizeof vla[0];
	/* typeof(a) with a = bump(x): the declaration evaluates bump once */
	int m = MAX_OF(bump(x), 3);
	/* typeof of a VLA type evaluates its size */
	__typeof__(int[bump(x) + 1]) *p = 0;
	(void)p;
	return s * 100 + m + (calls - before) * 10000;
}
