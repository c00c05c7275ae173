static int apply(int (*fn)(int), int v) { return fn(v); }
static int base = 133;

int pu_f(int x)
{
	int k = x * 2;
	int add_k(int v) { return v + k + base; }
	return apply(add_k, x) + add_k(1);
}
