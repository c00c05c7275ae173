int pu_fact(int n)
{
	return n <= 1 ? 1 : n * pu_fact(n - 1);
}
