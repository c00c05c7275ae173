struct cfg {
	int a, b;
	int arr[8];
};

static const struct cfg defaults = {
	.b = 2,
	.a = 4175,
	.arr = { [3] = 9, [7] = 1 },
};

int pu_f(int i)
{
	struct cfg c = { .a = i, .arr[2] = 5 };

	return c.a + defaults.a + defaults.arr[i & 7];
}
