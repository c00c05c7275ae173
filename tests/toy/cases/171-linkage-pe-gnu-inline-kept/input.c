/* The kernel's "inline": a macro adding gnu_inline (and notrace). */
#define inline inline __attribute__((__gnu_inline__)) __attribute__((__unused__)) \
	__attribute__((no_instrument_function))

static inline int pe_k(int x)
{
	return x + 4171;
}

int use(int x)
{
	return pe_k(x);
}
