/*
 * Patched static inline functions given external linkage keep their lines
 * (__LINE__ inside them is the original's) whatever writes "static inline":
 * the text on a line of its own, a kernel-style "inline" macro adding
 * gnu_inline, a macro writing the whole head around a written name (its
 * "static" cannot be dropped: the function keeps its name and gets a global
 * alias, and the prototype before it is not made of the macro's text), or
 * a macro that also makes the name.
 */
#define notrace __attribute__((__no_instrument_function__))
#define k_inline inline __attribute__((__gnu_inline__)) __attribute__((__unused__)) notrace
#define DEF_INLINE(n) static inline int n(int x) { return x * 3 + __LINE__; }
#define DEF_NAMED(n) static inline int pe_##n(int x) { return x * 5 + __LINE__; }

static int helper(int x) { return x + 1; }
int spacer;

static inline
int
pe_own_line(int x)
{
	return helper(x) * 1000 + __LINE__; /*@OWN@*/
}

static k_inline int pe_kernel(int x)
{
	return helper(x) * 100 + __LINE__; /*@KERNEL@*/
}

int spacer2;
DEF_INLINE(pe_mac)
int spacer3;
DEF_NAMED(named)

int use(int x) { return pe_own_line(x) + pe_kernel(x) + pe_mac(x) + pe_named(x); }
