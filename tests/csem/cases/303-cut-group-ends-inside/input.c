struct pair { int a;
#ifdef EXTRA
	int b; };
static int extra_flag = 1;
#else
	long b; };
#endif

#ifdef OTHER
static int other_flag = 2;
#endif

long pu_f(struct pair *p)
{
	return p->a + p->b;
}
