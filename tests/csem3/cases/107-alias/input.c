int real_impl(int x) { return x * 7 + 107; }
int eu_impl_alias(int x) __attribute__((alias("real_impl")));
static int st_impl(int x) { return x - 1; }
extern int eu_st_alias(int) __attribute__((alias("st_impl")));

int pu_f(int x)
{
	return eu_impl_alias(x) + eu_st_alias(x);
}
