/*
 * Input of tests/facts/extract.sh: pf is patched. What pf uses is decided
 * by the facts of lp_src.o (gcc -O2 -g):
 *   inl_h     inlined everywhere: no symbol       -> copied with facts
 *   isra_h    only as isra_h.isra.0               -> copied with facts
 *   kept_h    out of line under its own name      -> externalized
 *   glob_h    global                              -> externalized
 *   exp_h     inlined everywhere, but exported    -> externalized
 *             (Module.symvers names it)              (copied without it)
 * Without --target-object, every one of them is externalized (the default).
 * pf itself is inlined into user1 and user2: a warning names them.
 */
struct big {
	int a, b, c, d;
	long e[8];
};

int glob_counter;

static inline int inl_h(int x)
{
	int s = 0;

	for (int i = 0; i < x; i++)
		s += i * glob_counter ^ (s >> 2);
	return s;
}

static int __attribute__((noinline)) isra_h(struct big *p)
{
	return p->a * 17 + p->c;
}

static int __attribute__((noinline)) kept_h(int x)
{
	return x * 7 + glob_counter++;
}

int __attribute__((noinline)) glob_h(int x)
{
	return x - glob_counter;
}

static inline int exp_h(int x)
{
	return x + 99;
}

static inline int pf(struct big *p, int x)
{
	return inl_h(x) + isra_h(p) + kept_h(x) + glob_h(x) + exp_h(x);
}

int user1(struct big *p, int x)
{
	return pf(p, x) + 1;
}

int user2(struct big *p, int x)
{
	return pf(p + 1, x) * 2;
}

int more_inl(int x)
{
	return inl_h(x + 3);
}

int exp_user(int x)
{
	return exp_h(x) * 3;
}
