#if defined(FLAG_A)
static int h(int x)
{
	return x + 1;
#elif defined(FLAG_LATE)
static int h(int x)
{
	return x + 2;
#else
static int h(int x)
{
	return x + 3;
#endif
}
#define FLAG_LATE 1
#ifdef FLAG_LATE
static int k(int x) { return x * FLAG_LATE * 305; }
#endif

int pu_f(int x)
{
	return h(x) * 1000 + k(x);
}
