/* A header inline (gnu_inline, as the kernel's inline) too big to inline at
 * every call: the target has it out of line under its own name. */
struct msg { int len; int v[16]; };
typedef struct { int bits[4]; } mask_t;	/* anonymous: no early prototype */
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

/* small: inlined into its callers; its call of hfmt stays a call */
static inline int hcall(struct msg *m, int x)
{
	return hfmt(m, x, x + 1);
}

static inline int hweight(const mask_t *m, int k)
{
	int n = 0;

	for (int i = 0; i < 4 * k; i++)
		n += put(0, m->bits[i & 3], i) + put(0, i, k) + put(0, m->bits[0], k + i);
	for (int i = 0; i < k; i++)
		n ^= put(0, n, i) * put(0, i, n) - put(0, k, n);
	if (debug > 4)
		n |= put(0, m->bits[0] + k, n * 7);
	if (debug > 5)
		n |= put(0, m->bits[1] + k, n * 8);
	if (debug > 6)
		n |= put(0, m->bits[2] + k, n * 9);
	if (debug > 7)
		n |= put(0, m->bits[3] + k, n * 10);
	if (debug > 8)
		n |= put(0, m->bits[0] + k, n * 11);
	if (debug > 9)
		n |= put(0, m->bits[1] + k, n * 12);
	if (debug > 10)
		n |= put(0, m->bits[2] + k, n * 13);
	if (debug > 11)
		n |= put(0, m->bits[3] + k, n * 14);
	if (debug > 12)
		n |= put(0, m->bits[0] + k, n * 15);
	if (debug > 13)
		n |= put(0, m->bits[1] + k, n * 16);
	if (debug > 14)
		n |= put(0, m->bits[2] + k, n * 17);
	if (debug > 15)
		n |= put(0, m->bits[3] + k, n * 18);
	if (debug > 16)
		n |= put(0, m->bits[0] + k, n * 19);
	if (debug > 17)
		n |= put(0, m->bits[1] + k, n * 20);
	if (debug > 18)
		n |= put(0, m->bits[2] + k, n * 21);
	if (debug > 19)
		n |= put(0, m->bits[3] + k, n * 22);
	if (debug > 20)
		n |= put(0, m->bits[0] + k, n * 23);
	if (debug > 21)
		n |= put(0, m->bits[1] + k, n * 24);
	if (debug > 22)
		n |= put(0, m->bits[2] + k, n * 25);
	if (debug > 23)
		n |= put(0, m->bits[3] + k, n * 26);
	if (debug > 24)
		n |= put(0, m->bits[0] + k, n * 27);
	if (debug > 25)
		n |= put(0, m->bits[1] + k, n * 28);
	if (debug > 26)
		n |= put(0, m->bits[2] + k, n * 29);
	if (debug > 27)
		n |= put(0, m->bits[3] + k, n * 30);
	if (debug > 28)
		n |= put(0, m->bits[0] + k, n * 31);
	if (debug > 29)
		n |= put(0, m->bits[1] + k, n * 32);
	return n;
}
