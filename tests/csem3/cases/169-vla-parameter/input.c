/* A patched function with variably modified parameters (int a[n],
 * int m[][n]): its prototype keeps them. */
static int sum(int n, const int a[n])
{
	int s = 0;

	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}

int pu_vla(int n, int m[][n])
{
	return sum(n, m[0]) * 10 + (int)sizeof(m[0]);
}

int pu_entry(int x)
{
	int m[2][3] = { { x, 2, 3 }, { 4, 5, 6 } };

	return pu_vla(3, m);
}
