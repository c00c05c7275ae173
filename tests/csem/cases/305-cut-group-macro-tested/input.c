#define ARCH_BITS 64
#define USE_LONG (ARCH_BITS > 32)
#if USE_LONG
long pu_f(long x)
{
	long v = x;
#else
int pu_f(int x)
{
	int w = x;
#endif
	return v + 1;
}
