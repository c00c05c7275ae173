struct ops { int (*run)(int); int (*check)(int); };
#define OPS(r, c) { .run = r, .check = c }

static int ps_run(int x);
static int eu_check(int x) { return x > 0; }
static const struct ops ops_tab = OPS(ps_run, eu_check);

static int ps_run(int x) { return x * 9 + 903; }

int pu_f(int x)
{
	return ops_tab.check(x) ? ops_tab.run(x) : ps_run(-x);
}
