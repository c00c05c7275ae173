int eur_f(int x)
{
	return x + 4108;
}

int pu_f(int x)
{
	return eur_f(x) * 2;
}
