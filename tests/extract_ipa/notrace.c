/* As the kernel's compiler_types.h: "inline" means notrace. */
#define notrace __attribute__((__no_instrument_function__))
#define inline inline notrace

static int counter;

static inline int helper(int x)
{
	return x * 3 + counter;
}

int caller_a(int x)
{
	return helper(x) + 1;
}

int caller_b(int x)
{
	return helper(x) - 1;
}
