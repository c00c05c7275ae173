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

/* calls another function of this file, small too: copied with it */
static int chatty(int x)
{
	return ext_log(tally(x, 3)) + 1;
}

/* more than 2048 bytes of code: externalized, and so is hub, which calls it */
static int bulky(int x)
{
	int r = 0;

#define STEP(n) if ((x ^ (n) * 40503) & 64) r += ext_log(x * (n) + r) ^ ((n) << 20);
	STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)
	STEP(8) STEP(9) STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15)
	STEP(16) STEP(17) STEP(18) STEP(19) STEP(20) STEP(21) STEP(22) STEP(23)
	STEP(24) STEP(25) STEP(26) STEP(27) STEP(28) STEP(29) STEP(30) STEP(31)
	STEP(32) STEP(33) STEP(34) STEP(35) STEP(36) STEP(37) STEP(38) STEP(39)
	STEP(40) STEP(41) STEP(42) STEP(43) STEP(44) STEP(45) STEP(46) STEP(47)
	STEP(48) STEP(49) STEP(50) STEP(51) STEP(52) STEP(53) STEP(54) STEP(55)
	STEP(56) STEP(57) STEP(58) STEP(59) STEP(60) STEP(61) STEP(62) STEP(63)
	STEP(64) STEP(65) STEP(66) STEP(67) STEP(68) STEP(69) STEP(70) STEP(71)
	STEP(72) STEP(73) STEP(74) STEP(75) STEP(76) STEP(77) STEP(78) STEP(79)
	STEP(80) STEP(81) STEP(82) STEP(83) STEP(84) STEP(85) STEP(86) STEP(87)
	STEP(88) STEP(89) STEP(90) STEP(91) STEP(92) STEP(93) STEP(94) STEP(95)
	STEP(96) STEP(97) STEP(98) STEP(99)
#undef STEP
	return r;
}

static int hub(int x)
{
	return bulky(x + 1) * 3 + x;
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

/* declared noinline only to keep its stack frame out of its callers' (the
 * kernel's noinline_for_stack): copied, and kept out of line, like weigh */
#define noinline_for_stack __attribute__((noinline))
static noinline_for_stack int stacked(int x)
{
	int r = 1;

	for (int i = 0; i < x; i++)
		r = r * 3 + i;
	return r;
}

/* self-contained and small, but weak: another file's definition may be the
 * one the program runs (and a static copy of it does not compile) */
__attribute__((weak)) int fallback(int x)
{
	return x * 5 + (x >> 1);
}

/* global, small, self-contained: copied (a static klpr_plain) */
int plain(int x)
{
	return x * 11 + (x >> 3);
}

/* the same through a macro, as the kernel spells it: empty for clang,
 * which does not know the attribute */
#if __has_attribute(__externally_visible__)
#define __visible __attribute__((__externally_visible__))
#else
#define __visible
#endif
int shown(int x);	/* a header's prototype */

__visible int shown(int x)
{
	return x * 13 - (x >> 1);
}

/* global, and externally_visible (the kernel's __visible) */
__attribute__((externally_visible)) int spread(int x)
{
	return x * 9 - (x >> 2);
}

int patched2(int k)
{
	return pinned(k) + fallback(k) + spread(k) + hub(k) + plain(k) + shown(k) + stacked(k) + 1;
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
int other3(int k) { return pinned(k + 1) * 3 + fallback(k) + spread(k) + hub(k) + bulky(k) + plain(k) + shown(k) + stacked(k); }
