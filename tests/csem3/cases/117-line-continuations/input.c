#define ADD(a, \
	    b) ((a) + \
	(b))
static int cont_\
helper(int x) { return ADD(x, 117); }

int p\
u_f(int x)
{
	const char *s = "ab\
cd";
	return cont_helper(x) + s[3];
}
