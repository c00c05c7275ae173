static int depth_seen;
int pu_f(int x);
static int helper(int x) { return x > 1 ? pu_f(x - 2) + 1 : 0; }

int pu_f(int x)
{
	depth_seen = x;
	if (x > 0)
		return pu_f(x - 1) + helper(x) * 10 + 2;
	return depth_seen;
}
