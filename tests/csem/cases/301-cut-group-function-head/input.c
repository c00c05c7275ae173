#ifdef WIDE
long pu_f(long x)
{
	long y = x;
#else
int pu_f(int x)
{
	int y = x;
#endif
	return y + 1;
}
