#define UNIT 4
#define TWICE(x) ((x) * 2 * UNIT)
static int tw1(int x) { return TWICE(x); }
#undef UNIT
#define UNIT 1
static int tw2(int x) { return TWICE(x); }

int pu_f(int x)
{
	return tw1(x) * 1000 + tw2(x);
}
