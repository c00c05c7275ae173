#define kind_of(x) _Generic((x), int: 1, long: 2, default: 4176)

struct pair {
	int a, b;
};

int pu_f(long v)
{
	_Static_assert(sizeof(struct pair) == 2 * sizeof(int), "pair size");
	return kind_of(v) + kind_of(1.0);
}
