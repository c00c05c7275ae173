/* A constant table of function pointers with designated initializers (by
 * enum index, out of order, with a range) is copied, each function it
 * names bound to the running one or copied. */
enum op { OP_ADD, OP_SUB, OP_MUL, OP_MAX };
static int eu_op_add(int a) { return a + 1; }
static int eu_op_sub(int a) { return a - 1; }
static int eu_op_mul(int a) { return a * 2; }
static int (*const ops[OP_MAX + 2])(int) = {
	[OP_MUL] = eu_op_mul,
	[OP_ADD] = eu_op_add,
	[OP_SUB] = eu_op_sub,
	[OP_MAX ... OP_MAX + 1] = eu_op_add,
};

int pu_apply(int x)
{
	int r = 0;

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		r = r * 3 + ops[i](x);
	return r;
}
