static int impl_a(int x) { return x + 1; }
static int impl_b(int x) { return x * 2; }
static long impl_c(long x) { return x; }
extern __inline__ __attribute__((gnu_inline)) int eu_gi(int x) { return x + 805; }

int pu_f(int x)
{
	__typeof__(impl_a) *fp = 0;
	int same = __builtin_types_compatible_p(__typeof__(impl_b), __typeof__(impl_c));
	fp = (x > 100) ? fp : 0;
	return (fp != 0) + same * 10 + (int)sizeof(impl_c(x)) + eu_gi(x);
}
