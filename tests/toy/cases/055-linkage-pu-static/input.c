static int pu_f(int x)
{
	return x + 4155;
}

int use(int x)
{
	return pu_f(x);
}
