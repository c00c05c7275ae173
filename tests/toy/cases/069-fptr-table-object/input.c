int eu_op_a(int x)
{
	return x + 4169;
}

int eu_op_b(int x)
{
	return x - 4169;
}

static int (*const ops[])(int) = { eu_op_a, eu_op_b };

int pu_f(int i, int x)
{
	return ops[i & 1](x);
}
