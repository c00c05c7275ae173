int eur_obj = 4117;

int pu_f(int x)
{
	return eur_obj + x;
}
