/* Input of tests/facts/run.sh: dup_helper and dup_count also exist in dup_a.c. */
static int dup_count;

static int __attribute__((noinline)) dup_helper(int x)
{
	return x * 9 - dup_count++;
}

int dup_b(int x)
{
	return dup_helper(x) - 1;
}
