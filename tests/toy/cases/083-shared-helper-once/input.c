static int shared(int x)
{
	return x + 4183;
}

int pu_a(int x)
{
	return shared(x);
}

int pu_b(int x)
{
	return shared(x) * 2;
}
