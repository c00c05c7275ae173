#include "strs.h"

int str_sum(const char *s)
{
	int n = 0;

	while (*s)
		n = (n * 31 + *s++) & 0xffff;
	return n;
}

int pu_h(int x)
{
	return x + 5;
}

int eu_pu_h = 42;

#define NAME_LEN(f) ((int)sizeof(STR3(f)))
#define MAX2(a, b) ((a) > (b) ? (a) : (b))
#define DIRECT(f, x) (f(x) + (int)sizeof(#f))

int pu_f(int x)
{
	return CALL_NAMED(pu_h, x) + NAME_LEN(pu_h) + str_sum(VSTR(x, pu_h)) +
	       PASTE(eu_, pu_h) + CALL_ALL(pu_h, x) + MAX2(NAME_LEN(pu_h), 3) +
	       DIRECT(pu_h, x) + (int)sizeof(__stringify(pu_h)) +
	       str_sum(STR3(pu_h)
		       ) + __LINE__;
}
