#define ADD(a, b)	\
	((a) + (b) + 4280)	\

static int g;

int pu_f(int x)
{
	return ADD(x, g);
}
