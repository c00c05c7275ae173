/* fill has three callers passing the same type: GCC keeps it out of line
 * as fill.constprop.0 (too big to inline three times) and no symbol
 * "fill" exists. A livepatch of notify copies fill (nothing to bind to):
 * with notify its only caller, GCC would inline it whole. */
struct msg { int len; int v[16]; };
extern int put(struct msg *, int, int);
extern void send(struct msg *);
extern int debug;

static int fill(struct msg *m, int a, int b, int type)
{
	int err = 0;

	for (int i = 0; i < a; i++) {
		err |= put(m, i * type, b);
		if (debug)
			err |= put(m, -i, type);
	}
	if (type == 3 && m->len > 4)
		err |= put(m, m->len, a + b);
	m->v[0] = a ^ b;
	return err ? -1 : m->len;
}

/* inlined wherever it is called: copied, and inlined again */
static int clamp8(int x)
{
	return x > 8 ? 8 : x;
}

int notify(struct msg *m, int a)
{
	int n = fill(m, clamp8(a), a + 1, 3);

	if (n > 0)
		send(m);
	return n;
}

int dump(struct msg *m, int a, int b)
{
	return fill(m, b, a, 3) + 1;
}

int refresh(struct msg *m, int b)
{
	return fill(m, b * 2, b, 3) - 1;
}

/* dump is called out of line here (the target keeps it: three callers) */
int refresh2(struct msg *m, int b)
{
	return dump(m, b, 1) + dump(m, 1, b) + dump(m, b, b);
}
