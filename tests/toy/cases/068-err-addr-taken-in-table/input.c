static int op_plain(int x)
{
	return x;
}

static int (*const ops[])(int) = { op_plain };

int pu_f(int x)
{
	return ops[0](x);
}
