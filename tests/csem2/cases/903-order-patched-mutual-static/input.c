/* Two static patched functions calling each other, one through a macro. */
static int pe_b(int x);
#define VIA_A(x) pe_a(x)

static int pe_a(int x)
{
	return x <= 0 ? 0 : pe_b(x - 1) + 1;
}

static int pe_b(int x)
{
	return x <= 0 ? 1 : VIA_A(x - 1) * 2 + 903;
}

int entry(int x)
{
	return pe_a(x) + pe_b(x);
}
