#define CONFIG_FEATURE 0
#define IS_ON(c) (c)

static int dead_a(int x) { return x * 5; }
static int live_b(int x) { return x * 6; }
static int dead_c(int x) { return x * 7; }
static int epr_dead_d(int x) { return x * 8; }
static int cst(int x) { return x * 9; }
static int dead_e(int x) { return x * 11; }
static int dead_f(int x) { return x * 12; }
static int live_g(int x) { return x * 13; }
static int undo(int x) { return x * 14; }
static int rt(int x) { return x * 10; }

int pu_f(int x)
{
	int r = 0 ? dead_a(x) : live_b(x);

	if (IS_ON(CONFIG_FEATURE))
		r += dead_c(x);
	r += sizeof(long) == 1 ? epr_dead_d(x) : 803;
	r += IS_ON(CONFIG_FEATURE) && dead_e(x);
	r += (sizeof(int) == 4 || dead_f(x)) + (x > 2 && live_g(x));
	/* GCC decides __builtin_constant_p after inlining: both arms stay */
	r += __builtin_constant_p(x) ? cst(x) : rt(x);
	if (r > 1000000)
		goto out_undo;
	if (0) {
out_undo:
		r = undo(r);
	}
	return r;
}
