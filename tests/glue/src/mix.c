/* Input of the report round-trip test: every kind of externalization. */
#include <stdio.h>

int g_total;
static int p_seen;
static int q_count;

static int p_helper(int x)
{
	return x * 2 + p_seen;
}

static int q_helper(int x)
{
	return x + q_count;
}

static int (*const table[])(int) = { q_helper };

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
