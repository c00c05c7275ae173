int pu_g(int x)
{
	return x + 1;
}

static int klpr_helper = 4154;

static int helper(int x)
{
	return pu_g(x) + klpr_helper;
}

int pu_f(int x)
{
	return helper(x);
}
