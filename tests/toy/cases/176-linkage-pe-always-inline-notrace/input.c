/*
 * The kernel's "inline" adds gnu_inline and notrace; __always_inline is
 * spelled with it, so an out-of-line copy of a static __always_inline
 * function (its address taken) has no ftrace hook either.
 */
#define inline inline __attribute__((__gnu_inline__)) __attribute__((__unused__)) \
	__attribute__((no_instrument_function))
#define __always_inline inline __attribute__((__always_inline__))

static __always_inline int pe_k(int x, int y)
{
	return x * 3 + y;
}

int (*hook)(int, int) = pe_k;
