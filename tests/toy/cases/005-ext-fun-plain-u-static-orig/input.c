static int eu_g(int x)
{
	return x + 4105;
}

int pu_f(int x)
{
	return eu_g(x) * 2;
}
