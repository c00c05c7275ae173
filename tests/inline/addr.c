/*
 * f compares the pointer it is given with add1's address and calls add1
 * directly then (the kernel's INDIRECT_CALL_1): GCC inlines that call
 * into f, and add1 has its out-of-line symbol too (ops[] holds its
 * address). The livepatch must compare with the running add1, so add1 is
 * externalized although the target shows it inlined into f.
 */
typedef int (*op_t)(int);

static int add1(int x)
{
	return x + 1;
}

static int dbl(int x)
{
	return x * 2;
}

op_t ops[] = { add1, dbl };

int f(op_t op, int x)
{
	return op == add1 ? add1(x) : op(x);
}
