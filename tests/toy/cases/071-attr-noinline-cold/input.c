static __attribute__((noinline, cold)) int slow_path(int x)
{
	return x + 4171;
}

int pu_f(int x)
{
	if (__builtin_expect(x > 100, 0))
		return slow_path(x);
	return x;
}
