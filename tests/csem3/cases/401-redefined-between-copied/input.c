#define SCALE 2
static int scale_a(int x) { return x * SCALE; }
#undef SCALE
#define SCALE 3
static int scale_b(int x) { return x * SCALE; }
#undef SCALE

int pu_f(int x)
{
#define SCALE 5
	int r = scale_a(x) + scale_b(x) * SCALE;
#undef SCALE
	return r;
}
