#define MAX(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a > _b ? _a : _b; })
struct deep { int pad; struct { int x[4]; } in; };
static int classify(int v)
{
	switch (v) {
	case 0 ... 9:
		return 1;
	case 10 ... 99:
		return 2;
	default:
		return 3;
	}
}

int pu_f(int x)
{
	static void *const jump[] = { &&even, &&odd };
	int r = MAX(x, 7) + classify(x) * 1000 + (int)__builtin_offsetof(struct deep, in.x[2]);

	goto *jump[x & 1];
even:
	return r + 10000;
odd:
	return r + 20000;
}
