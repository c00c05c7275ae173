/* A header inline (gnu_inline, as the kernel's inline) too big to inline at
 * every call: the target has it out of line under its own name. */
struct msg { int len; int v[16]; };
extern int put(struct msg *, int, int);
extern int debug;
#define inline inline __attribute__((__gnu_inline__))
static inline int hfmt(struct msg *m, int x, int k)
{
	int err = 0;

	for (int i = 0; i < m->len; i++) {
		err |= put(m, i * x, m->v[i & 15]);
		if (debug)
			err |= put(m, -i, x);
		if (debug > 2)
			err |= put(m, i, i + x);
		if (debug > 3)
			err |= put(m, i ^ x, i - x);
	}
	if (debug > 4)
		err |= put(m, x + 4, err * 7);
	if (debug > 5)
		err |= put(m, x + 5, err * 8);
	if (debug > 6)
		err |= put(m, x + 6, err * 9);
	if (debug > 7)
		err |= put(m, x + 7, err * 10);
	if (debug > 8)
		err |= put(m, x + 8, err * 11);
	if (debug > 9)
		err |= put(m, x + 9, err * 12);
	if (debug > 10)
		err |= put(m, x + 10, err * 13);
	if (debug > 11)
		err |= put(m, x + 11, err * 14);
	if (debug > 12)
		err |= put(m, x + 12, err * 15);
	if (debug > 13)
		err |= put(m, x + 13, err * 16);
	if (debug > 14)
		err |= put(m, x + 14, err * 17);
	if (debug > 15)
		err |= put(m, x + 15, err * 18);
	if (debug > 16)
		err |= put(m, x + 16, err * 19);
	if (debug > 17)
		err |= put(m, x + 17, err * 20);
	if (debug > 18)
		err |= put(m, x + 18, err * 21);
	if (debug > 19)
		err |= put(m, x + 19, err * 22);
	if (debug > 20)
		err |= put(m, x + 20, err * 23);
	if (debug > 21)
		err |= put(m, x + 21, err * 24);
	if (debug > 22)
		err |= put(m, x + 22, err * 25);
	if (debug > 23)
		err |= put(m, x + 23, err * 26);
	if (debug > 24)
		err |= put(m, x + 24, err * 27);
	if (debug > 25)
		err |= put(m, x + 25, err * 28);
	if (debug > 26)
		err |= put(m, x + 26, err * 29);
	if (debug > 27)
		err |= put(m, x + 27, err * 30);
	if (debug > 28)
		err |= put(m, x + 28, err * 31);
	if (debug > 29)
		err |= put(m, x + 29, err * 32);
	if (x > 4)
		err |= put(m, m->len, x);
	m->v[1] = x * k;
	return err;
}
