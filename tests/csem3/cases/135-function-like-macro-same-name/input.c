static int twice(int v) { return v * 2; }
#define twice(v) (twice(v) + 1)
static int val = 10;
#define val (val + 100)

int pu_f(int x)
{
	return twice(x) + (twice)(x) + val;
}
