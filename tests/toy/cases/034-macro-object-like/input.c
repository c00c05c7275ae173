#define LIMIT 4134

int pu_f(int x)
{
	return x > LIMIT;
}
