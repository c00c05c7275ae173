static int callback(int x)
{
	return x;
}

int eu_run(int (*f)(int), int x)
{
	return f(x);
}

int pu_f(int x)
{
	return eu_run(callback, x);
}
