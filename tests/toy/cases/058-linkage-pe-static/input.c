static int pe_f(int x)
{
	return x + 4158;
}

int use(int x)
{
	return pe_f(x);
}
