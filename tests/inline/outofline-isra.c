/* tests/inline/outofline.sh: pick has callers passing various flags; GCC
 * passes c's fields by value (pick.isra.0), no constant. lp.c copies it
 * for check alone, which passes flags 1: GCC would call
 * pick.constprop.0.isra.0 unless another caller passes unknown values. */
struct cfg { int a, b, c, d, e, f, g, h; };
extern int lookup(int, int);
extern void note(long);

static int pick(const struct cfg *c, int tb, int flags)
{
	int a = c->a, b = c->b, d = c->d;
	int r = lookup(a, tb);

	r += lookup(b, tb + flags);
	if (r < 0)
		note(r);
	for (int i = 0; i < d; i++)
		r += lookup(a + i, r ^ b);
	r -= lookup(b, d);
	return r + d;
}

int check(struct cfg *c, int t)
{
	return pick(c, t, 1) + c->e;
}

int use1(struct cfg *c, int t, int f) { return pick(c, t, f); }
int use2(struct cfg *c, int t, int f) { return pick(c, t + 2, f + 1); }
int use3(struct cfg *c, int t, int f) { return pick(c, t * 3, f | 4); }
