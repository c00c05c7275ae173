int eup_f(int x)
{
	return x + 4231;
}

int pu_f(int x)
{
	return eup_f(x);
}
