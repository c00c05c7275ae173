extern int ext(int);
struct pair {
	int a, b;
	long pad[8];
};

static __attribute__((noinline)) int sum(const struct pair *p)
{
	int a = p->a, b = p->b, r = 0;

	for (int i = 0; i < a; i++)
		r += ext(i + b);
	return r;
}

int use_sum(struct pair *p)
{
	return sum(p);
}

int use_sum2(struct pair *p)
{
	return sum(p) + 1;
}
