static int op_a(int x)
{
	return x + 4170;
}

int (*const eu_ops[])(int) = { op_a };

int pu_f(int x)
{
	return eu_ops[0](x);
}
