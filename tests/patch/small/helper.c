extern int g(int);

/* big enough not to be inlined where it is called twice */
static int helper(int x)
{
	int s = 0;

	for (int i = 0; i < x; i++)
		s += g(i) * g(s) + g(i + s);
	if (s > 100)
		s = g(s) + g(s * 2) + g(s * 3);
	return s + g(x);
}

int a(int x)
{
	return helper(x) + 1;
}

int b(int x)
{
	return helper(x + 2) * 3;
}

static int __attribute__((noinline)) spare(int x)
{
	return g(x) * 5 + g(x);
}

int c(int x)
{
	return spare(x) + spare(x + 1);
}
