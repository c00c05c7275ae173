#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define UNIQUE_ID(prefix) __PASTE(__PASTE(__unique_, prefix), __COUNTER__)
#define STR_(x) #x
#define STR(x) STR_(x)
#define LABEL() STR(__COUNTER__)
static int used_before(void) { int UNIQUE_ID(v) = 1; return 2; }
int unrelated(void) { return used_before(); }

int pu_f(int x)
{
	int UNIQUE_ID(tmp) = x, UNIQUE_ID(tmp) = 2 * x;
	(void)0;
	const char *l = LABEL();
	(void)l;
	return x + 504;
}
