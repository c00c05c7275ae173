static inline int pe_g(int x)
{
	return x + 4159;
}

int use(int x)
{
	return pe_g(x);
}
