#define LIMIT 100

static inline int clamp(int x)
{
	return x > LIMIT ? LIMIT : x;
}

int user_a(int x)
{
	return clamp(x) + 1;
}

int user_b(int x)
{
	return clamp(x) * 2;
}

int other(int x)
{
	return x - 3;
}
