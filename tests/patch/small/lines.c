extern void report(int line);

int first(int x)
{
	return x + 1;
}

int second(int x)
{
	report(__LINE__);
	return x * 2;
}
