#ifndef INPUT_GUARD
#define INPUT_GUARD
static int helper(int x)
{
#ifdef FAST
	return x;
#elif defined(MEDIUM)
	return x + 2;
#else
	return x + 1;
#endif
}

int pu_f(int x)
{
	return helper(x);
}
#endif
