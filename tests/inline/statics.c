/* writable statics of two functions, one name: symbols cnt.N, numbered by GCC */
int f(int x)
{
	static int cnt;
	static int seen;

	cnt += x;
	return cnt + seen++;
}

int g(int x)
{
	static int cnt;

	cnt -= x;
	return cnt;
}
