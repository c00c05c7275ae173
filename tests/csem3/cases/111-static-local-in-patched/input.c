static int counter_step(void)
{
	static int calls;
	return ++calls;
}

int pu_f(int x)
{
	static int seen = 100;
	seen += x;
	return seen + counter_step() * 0;
}
