#define SEL 3
#if SEL == 1
static int sel(int x) { return x + 1; }
static int other(int x) { return x; }
#elif SEL == 2
static int sel(int x) { return x + 2; }
#elif SEL == 3
static int other(int x) { return x * 3; }
static int sel(int x) { return other(x) + 3;
#else
static int sel(int x) { return x + 4;
#endif
}

int pu_f(int x)
{
	return sel(x) + 302;
}
