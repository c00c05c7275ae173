extern int ext(int);
extern void sink(int);

static int inner(int x)
{
	int r = 0;

	for (int i = 0; i < x; i++)
		r += ext(i) * ext(i + x);
	sink(r);
	return r + ext(r);
}

static inline int outer(int x)
{
	return inner(x) + ext(x);
}

int entry1(int x)
{
	return outer(x) + 1;
}

int entry2(int x)
{
	return outer(x * 2) + 2;
}

int (*outer_ptr)(int) = outer;
