#define EXPORT_SYMBOL(sym) int *__ksym_##sym = (int *)&sym;

static int counter;

#define DEFINE_BUMP(n)			\
	int pu_bump_##n(void)		\
	{				\
		return counter += n;	\
	}				\
	EXPORT_SYMBOL(pu_bump_##n)

DEFINE_BUMP(1)

int caller(void)
{
	return pu_bump_1();
}
