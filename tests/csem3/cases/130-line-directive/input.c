static int len(const char *s) { int n = 0; while (*s++) n++; return n; }
#define SITE() (__LINE__ * 100 + len(__FILE__))

static int helper(void) { return SITE(); }
#line 500 "virtual.c"
static int after_line(void) { return SITE(); }

int pu_f(int x)
{
	return SITE() * 3 + helper() + after_line() + x;
}
