static int eupr_f(int x)
{
	return x + 4114;
}

int pu_f(int x)
{
	int a = eupr_f(1);
	int b = eupr_f(2);

	return a + b + x;
}
