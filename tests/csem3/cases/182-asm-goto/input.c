/* asm goto in the patched function and in a copied static helper: the
 * labels it may jump to stay the copy's own, the operands and clobbers as
 * written (x86-64 and any target: the asm only jumps on a constant). */
static int eu_taken;

static int helper(int v)
{
	asm goto("" : : "r"(v) : : out);
	return v + 1;
out:
	eu_taken++;
	return -v;
}

int pu_f(int x)
{
	int r = helper(x);

	asm goto("" : : : "memory" : skip);
	r *= 2;
skip:
	return r + eu_taken;
}
