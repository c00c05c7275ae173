/* lp.c keeps a renamed function's __func__ the original name by defining
 * __func__ around it, only where the function uses it (here through a macro). */
extern void say(const char *who, int v);
#define REPORT(v) say(__func__, v)

static int quiet(int x)
{
	return x * 2 + 1;
}

int loud(int x)
{
	REPORT(x);
	return quiet(x);
}

int silent(int x)
{
	return quiet(x) - 1;
}
