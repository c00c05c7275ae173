/* v is inlined into h.constprop.0 only: copied because h is copied */
int v(int x);

int v(int x)
{
	return x * 11 + 3;
}

static __attribute__((noinline)) int h(int x, int k)
{
	return v(x) * k + v(x + k);
}

int f(int x)
{
	return h(x, 3) + 1;
}

int other(int x)
{
	return h(x + 1, 3) - v(x);
}
