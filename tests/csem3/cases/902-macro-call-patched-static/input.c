static int ps_step(int x);
#define STEP(x) ps_step(x)
#define TWICE(x) STEP(STEP(x))

static int run_twice(int x) { return TWICE(x); }

static int ps_step(int x) { return x * 3 + 1; }

int pu_f(int x)
{
	return run_twice(x) + STEP(x);
}
