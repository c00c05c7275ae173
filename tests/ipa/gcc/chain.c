/* Inline chains, a helper inlined into two callers, a kept body. */
extern void sink(int);

static inline int leaf(int x)
{
	return x * 3 + 1;
}

static int mid(int x)
{
	return leaf(x) + leaf(x + 1);
}

int top1(int x)
{
	return mid(x) + mid(x * 2);
}

int top2(int x)
{
	return mid(x + 5);
}

/* Inlined, but its address is taken: the body stays. */
static int kept(int x)
{
	sink(x);
	return x + 7;
}

int (*kept_ptr)(int) = kept;

int user(int x)
{
	return kept(x) * 2;
}
