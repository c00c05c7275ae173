#define EXTRA_ARG 1
int pu_f(int a
#if EXTRA_ARG
	, int b
#endif
	)
{
#if EXTRA_ARG
	return a + b;
#else
	return a;
#endif
}
