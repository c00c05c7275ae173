/* read-only function-scope statics are copied, writable ones externalized */
static int x;	/* written below: the original has its symbol */

void set_x(int v)
{
	x = v;
}

int f(int i)
{
	static const int x2[4] = { 3, 1, 4, 1 };
	static int calls;

	calls++;
	return x2[i & 3] + calls + x;
}

int g(int i)
{
	static const int x[2] = { 2, 7 };

	return x[i & 1];
}
