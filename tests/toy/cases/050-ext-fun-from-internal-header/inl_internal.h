static inline int eu_iinl(int x)
{
	return x + 4150;
}
