static int kr_helper(a, b)
	int a;
	long b;
{
	return a + (int)b;
}

int eu_glob_val = 114;

int pu_f(x)
	int x;
{
	extern int eu_glob_val;
	extern int later_def(int);
	return kr_helper(x, 2L) + eu_glob_val + later_def(x);
}

int later_def(int x) { return x * 3; }
