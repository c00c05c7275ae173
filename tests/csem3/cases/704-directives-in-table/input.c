#define HAVE_C 1
static int pe_a(int x);
static int eu_op_b(int x) { return x - 2; }
static int eu_op_c(int x) { return x * 3; }

static int (*const table[])(int) = {
	pe_a,
#if HAVE_C
	eu_op_c,
#else
	eu_op_b,
#endif
#include "more_ops.inc"
};

static int pe_a(int x) { return x + 704; }

int pu_f(int x)
{
	int r = 0;

	for (unsigned i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		r = r * 3 + table[i](x);
	return r;
}
