#define WIDE 1
struct acc {
	int a;
#if WIDE
	long wide;
};
static long acc_get(struct acc *p) { return p->a + p->wide; }
#else
};
static long acc_get(struct acc *p) { return p->a; }
#endif

int pu_f(int x)
{
	struct acc s = { x, 303 };
	return (int)acc_get(&s);
}
