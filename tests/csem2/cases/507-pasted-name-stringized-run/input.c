#include <string.h>
#include "names.h"

/* a macro of the .c file: the pasted name is stringized and called */
#define CALL_NAMED(a, b, v) ((int)strlen(STR(XCAT(a, b))) * 10 + XCAT(a, b)(v))

int pu_h(int x)
{
	return x * 3 + 1;
}

int eu_pu_h = 40;
int eepr_obj = 7;

int str_sum(const char *s)
{
	int n = 0;

	while (*s)
		n = (n * 31 + *s++) & 0xffff;
	return n;
}

int pu_f(int x)
{
	return XCAT(pu, _h)(x) + str_sum(STR(XCAT(pu, _h))) + str_sum(NAME_OF(pu, _h)) * 2 +
	       CALL_NAMED(pu, _h, x) + str_sum(VNAME(pu, _h)) * 3 + XCAT(eu_, XCAT(pu, _h)) +
	       XCAT(eepr_, obj) * str_sum(STR(XCAT(eepr_, obj))) +
	       str_sum(NAME_OF(eepr, _obj)) * 5 + DIRECT(pu_h) * 1000;
}
