/* GCC compiles the callers of weigh and tally knowing their bodies: weigh
 * only reads memory (the caller need not reload s->a after the call) and
 * tally touches few registers (the caller keeps values in call-clobbered
 * ones across it). Both call no function of this file. */
struct st { int a, b; int buf[16]; };
extern int ext_log(int);
extern int ext_run(int (*)(int), int);

static int weigh(const struct st *s)
{
	int t = 0;

	for (int i = 0; i < 16; i++)
		t += s->buf[i] * (i + 3) ^ (t >> 3);
	return t;
}

static int tally(int x, int y)
{
	int r = x;

	for (int i = 0; i < y; i++)
		r = r * 7 + (r >> 2) + i;
	return r;
}

/* calls another function of this file: externalized */
static int chatty(int x)
{
	return ext_log(tally(x, 3)) + 1;
}

static int triple(int x)
{
	return x * 3 + ext_log(x);
}

/* self-contained too, but declared noinline: externalized (kernel code
 * keeps such functions callable by name, for tracing and kprobes) */
static __attribute__((noinline)) int pinned(int x)
{
	int r = 0;

	for (int i = 0; i < x; i++)
		r += i * i;
	return r;
}

/* self-contained and small, but weak: another file's definition may be the
 * one the program runs (and a static copy of it does not compile) */
__attribute__((weak)) int fallback(int x)
{
	return x * 5 + (x >> 1);
}

/* global, and externally_visible (the kernel's __visible) */
__attribute__((externally_visible)) int spread(int x)
{
	return x * 9 - (x >> 2);
}

int patched2(int k)
{
	return pinned(k) + fallback(k) + spread(k) + 1;
}

int patched(struct st *s, int k)
{
	int x = s->a, y = s->b;
	int w = weigh(s);
	int t = tally(x + k, y);

	return x + s->a + w + t * k + y + chatty(k) + triple(k) + ext_run(triple, k);
}

int other1(struct st *s) { return weigh(s) + tally(s->a, 2) + chatty(1); }
int other2(struct st *s) { return weigh(s) * 2 + tally(s->b, 5) + triple(s->a); }
int other3(int k) { return pinned(k + 1) * 3 + fallback(k) + spread(k); }
