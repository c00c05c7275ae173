/* hook is global (declared inline as the kernel's inline is: gnu_inline,
 * so its body is emitted): GCC keeps its body, and with its three other
 * callers inlining it grows the code, so GCC first inlines prep (small,
 * static) into alloc and compact, then hook into those copies. A livepatch
 * of alloc and compact copies hook and prep as static functions; hook,
 * called once (by prep), would then be inlined into prep first, making it
 * too big for GCC to inline into alloc and compact. lp.c declares the copy
 * of hook used, as the original's body had to stay. */
extern int put(int, int);
extern int debug;

inline __attribute__((__gnu_inline__)) int hook(int *v, int n, int flags)
{
	int s = 0;

	if (flags & 1)
		s += put(v[0], n);
	if (flags & 2)
		for (int i = 0; i < n; i++)
			s += put(v[i], s);
	if (debug)
		s ^= put(s, flags);
	return s;
}

static int prep(int *v, int n, int flags)
{
	int s = hook(v, n, flags);

	if (s > 3)
		v[1] = s;
	if (flags & 4)
		v[2] = v[3] + n;
	return s;
}

int alloc(int *v, int n, int flags)
{
	int r = 0;

	for (int i = 0; i < n; i++)
		r += put(i, r);
	if (r)
		r += prep(v, n, flags);
	return r;
}

int compact(int *v, int n, int flags)
{
	int r = put(n, flags);

	if (r > 1)
		r += prep(v, r, flags);
	return r;
}

int user1(int *v) { return hook(v, 4, 3) + put(1, 2); }
int user2(int *v) { return hook(v, 8, 1) * 2; }
int user3(int *v, int n) { return hook(v, n, 2) - 1; }
