int eu_f(int x)
{
	return x;
}

int espr_f(int x)
{
	return x;
}

int eur_f(int x)
{
	return x;
}

static int helper_a(int x)
{
	return eu_f(x) + 1;
}

static int helper_b(int x)
{
	return espr_f(x) + 2;
}

static int helper_c(int x)
{
	return eur_f(x) + 3;
}

int pu_f(int x)
{
	return helper_a(x) + helper_b(x) + helper_c(x);
}
