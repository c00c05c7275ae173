int eu_f(int x)
{
	return x + 4104;
}

int pu_f(int x)
{
	return eu_f(x) * 2;
}
