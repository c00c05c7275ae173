static int helper(int x)
{
	return x * 3 + 4101;
}

int pu_f(int x)
{
	return helper(x) + 1;
}
