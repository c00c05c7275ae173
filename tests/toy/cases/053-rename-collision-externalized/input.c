int klpe_eur_f = 4153;

int eur_f(int x)
{
	return x + 1;
}

int pu_f(int x)
{
	return eur_f(x) + klpe_eur_f;
}
