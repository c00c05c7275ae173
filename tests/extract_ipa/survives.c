int (*hook)(int);

int helper(int x)
{
	return x * 5 + 1;
}

int caller(int x)
{
	return helper(x) + 2;
}

int other(int x)
{
	hook = helper;
	return x;
}
