static int calls;
static int dim(int x) { calls++; return x + 1; }
static int never(int x) { return x * 1000; }
static long g_long(long x) { return x * 1000; }
static int arm(int x) { return x; }
static int arm_too(int x) { return x * 2; }

int pu_f(int x)
{
	int before = calls;
	/* sizeof of a VLA type evaluates its size expression */
	int n = sizeof(int[dim(x)]);
	/* sizeof/_Alignof/typeof of a plain expression do not */
	int m = sizeof(never(x)) + _Alignof(__typeof__(never(x)));
	int k = sizeof(char[2][dim(x)]);
	/* the selected association is called, not its address taken */
	int g = _Generic(x, long: g_long, default: arm)(x) + _Generic(x, int: arm_too, long: g_long)(x);
	return n * 100 + m + k + (calls - before) * 1000000 + g;
}
