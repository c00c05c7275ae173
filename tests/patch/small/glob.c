#define LIMIT 100

int limit(int x)
{
	return x > LIMIT ? LIMIT : x;
}

int user_a(int x)
{
	return limit(x) + 1;
}

int user_b(int x)
{
	return limit(x) * 2;
}

int other(int x)
{
	return x - 3;
}
