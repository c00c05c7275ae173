static int unused_helper(int x)
{
	return x + 4103;
}

int other(int x)
{
	return unused_helper(x) + 7;
}

static int used_helper(int x)
{
	return x - 1;
}

int pu_f(int x)
{
	return used_helper(x);
}
