/*
 * The patched function f takes the address of patched handler, which the
 * target has out of line (ops holds it): lp.c compares with the running
 * handler (a klp relocation with its sympos), and calls klpp_handler.
 * inl is patched too, but GCC inlined it everywhere: its address in f
 * stays lp.c's own with a warning.
 */
typedef int (*cb_t)(int);

static int __attribute__((noinline)) handler(int v)
{
	return v + 3;
}

static inline int inl(int v)
{
	return v * 5;
}

cb_t ops[] = { handler };

int f(cb_t op, int x)
{
	cb_t mine = inl;

	return (op == handler ? handler(x) : op(x)) + (mine == inl) + inl(x);
}
