struct s {
	int a;
	long b;
};

int pu_f(int x)
{
	if (__builtin_constant_p(x))
		return 4182;
	if (__builtin_types_compatible_p(typeof(x), int) && x < 0)
		__builtin_unreachable();
	return (int)__builtin_offsetof(struct s, b) + __builtin_popcount(x);
}
