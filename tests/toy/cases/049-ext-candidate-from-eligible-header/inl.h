static inline int eu_hinl(int x)
{
	return x + 4149;
}
