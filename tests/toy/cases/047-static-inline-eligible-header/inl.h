static inline int hinl(int x)
{
	return x + 4147;
}
