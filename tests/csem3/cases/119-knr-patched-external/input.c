static int pe_knr(a, b)
	int a;
	int b;
{
	return a * b + 119;
}

int pu_f(x)
	int x;
{
	return pe_knr(x, 2);
}
