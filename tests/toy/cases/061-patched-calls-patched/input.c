int pu_b(int x)
{
	return x + 4161;
}

static int ps_c(int x)
{
	return x * 2;
}

int pu_a(int x)
{
	return pu_b(x) + ps_c(x);
}
