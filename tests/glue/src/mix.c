/* Input of the report round-trip test: every kind of externalization.
 * "used": GCC keeps every static a symbol, which the running code must
 * have to be externalized (without facts, the defaults copy what the
 * original compiled lacks). */
#include <stdio.h>

int g_total;
static int p_seen __attribute__((used));
static int q_count __attribute__((used));

static __attribute__((noinline, used)) int p_helper(int x)
{
	return x * 2 + p_seen;
}

static __attribute__((noinline, used)) int q_helper(int x)
{
	return x + q_count;
}

static int (*const table[])(int) __attribute__((used)) = { q_helper };

int mix_step(int x)
{
	static int p_calls;
	static int q_calls;

	p_calls++;
	q_calls++;
	g_total += p_helper(x) + table[0](x);
	if (g_total > 1000)
		printf("%d %d\n", p_calls, q_calls);
	return g_total;
}

int mix_other(int x)
{
	return q_helper(x) + mix_step(x);
}
