static int eer_g(int x)
{
	return x + 4109;
}

int pu_f(int x)
{
	return eer_g(x) * 2;
}
