/* IPA-CP, IPA-SRA and ipa-split clones. */
extern void sink(int);
extern int ext(int);

struct big {
	int a, b, c, d;
	int pad[32];
};

/* Only ever called with scale == 3: a .constprop clone. */
static __attribute__((noinline)) int scaled(int x, int scale)
{
	int r = 0;

	for (int i = 0; i < x; i++)
		r += ext(i) * scale;
	return r;
}

int use_scaled1(int x)
{
	return scaled(x, 3);
}

int use_scaled2(int x)
{
	return scaled(x + 1, 3) + 1;
}

/* Reads one field, ignores a parameter: GCC 12 makes a .constprop clone. */
static __attribute__((noinline)) int field(const struct big *p, int unused)
{
	int r = 0;

	for (int i = 0; i < p->b; i++)
		r += ext(i);
	return r;
}

int use_field1(struct big *p)
{
	return field(p, 1);
}

int use_field2(struct big *p)
{
	p->b++;
	return field(p, 2) + 1;
}

/* A cheap test in front of a big body: ipa-split makes slow.part.0. */
static inline int helper(int x)
{
	return ext(x) + 1;
}

int split_me(int x)
{
	if (__builtin_expect(x == 0, 1))
		return 0;
	for (int i = 0; i < x; i++) {
		sink(helper(i));
		sink(ext(i * 7));
		sink(ext(i * 11) + ext(i * 13));
	}
	return ext(x);
}

int call_split(int x)
{
	return split_me(x) + split_me(x + 1);
}
