static int counter;

static int helper(int x)
{
	return x * 3 + counter;
}

int caller_a(int x)
{
	return helper(x) + 1;
}

int caller_b(int x)
{
	return helper(x) - 1;
}

int unrelated(int x)
{
	return x;
}
