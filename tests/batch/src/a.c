/* Batch test input: a patched function with a static helper and a global. */
static int calls;

static int twice(int x)
{
	return 2 * x;
}

int a_bump(int x)
{
	calls++;
	return twice(x) + calls;
}

int a_other(void)
{
	return calls;
}
