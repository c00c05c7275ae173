static int espr_op(int x)
{
	return x + 4210;
}

struct ops {
	int (*op)(int);
};

static const struct ops table = { .op = espr_op };

int pu_f(int x)
{
	return table.op(x);
}
