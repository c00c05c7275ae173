#define STEP 1
static int helper(int v) { return v + STEP; }

int pu_f(int x)
{
	int r = helper(x);
#undef STEP
#define STEP 100
#define TWICE(v) ((v) * 2)
	r += STEP + TWICE(x);
#undef TWICE
	return r;
}

int after(void) { return STEP; }
