int pu_g(int x)
{
	return x + 1;
}

static int helper(int x)
{
	return pu_g(x) * 4163;
}

int pu_f(int x)
{
	return helper(x);
}
