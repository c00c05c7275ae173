static inline int ps_h(int x)
{
	return x + 4160;
}

int use(int x)
{
	return ps_h(x);
}
