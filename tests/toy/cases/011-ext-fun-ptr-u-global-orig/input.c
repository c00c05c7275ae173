int eup_f(int x)
{
	return x + 4111;
}

int pu_f(int x)
{
	return eup_f(x) * 2;
}
