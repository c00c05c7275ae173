#define HAS_Y 1
enum kind {
	K_A = 1,
#if HAS_Y
	K_Y = 7,
#endif
	K_LAST
};
struct pt {
	int x;
#ifdef HAS_Y
	int y;
#else
	int z;
#endif
};
static int
#if HAS_Y
sum_pt(const struct pt *p, int extra
#else
sum_pt(const struct pt *p
#endif
	)
{
	return p->x + K_LAST
#if HAS_Y
		+ p->y + extra
#endif
		;
}

int pu_f(int x)
{
	struct pt p = { x, 701 };
	return sum_pt(&p, K_Y);
}
