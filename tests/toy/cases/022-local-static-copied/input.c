static int helper(void)
{
	static int hcalls = 5122;

	return hcalls++;
}

int pu_f(void)
{
	static int calls = 4122;

	return ++calls + helper();
}
