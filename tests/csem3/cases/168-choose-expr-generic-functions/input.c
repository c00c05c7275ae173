/* __builtin_choose_expr and _Generic choosing function designators: the
 * chosen one is called, the others only named. */
static int as_int(int x) { return x + 1; }
static int as_long(long x) { return (int)x + 2; }
static int as_dbl(double x) { return (int)x + 3; }
typedef long my_long;
#define CONV(v) _Generic((v), int: as_int, my_long: as_long, default: as_dbl)(v)
#define PICKF(c) __builtin_choose_expr(c, as_int, as_dbl)

int pu_conv(int x)
{
	long l = x;
	double d = x;

	return CONV(x) * 100 + CONV(l) * 10 + CONV(d) + PICKF(sizeof(int) == 4)(x) * 1000;
}
