#include "macros_internal.h"

int eepr_g(int x)
{
	return x + 2;
}

int eu_eepr_g = 503;
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
	return CALL_TRACED(eepr_g, x) + str_sum(TRACE_NAME(eepr_g)) + CHECKED(eepr_obj) +
	       str_sum(__stringify(eepr_obj)) + OBJ_AND_NAME(eepr_obj) +
	       str_sum(__stringify(eepr_g + eepr_obj)) * eepr_obj;
}
