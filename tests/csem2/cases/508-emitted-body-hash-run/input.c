#include <string.h>
#include "body_internal.h"

#define C_NAME() STR(pu_h)
#define C_PASTED() PASTE(eu_, pu_h)

int pu_h(int x)
{
	return x * 3 + 1;
}

int eu_pu_h = 40;
int eepr_obj = 7;

int pu_f(int x)
{
	return (int)strlen(HDR_NAME()) + HDR_CALL(x) * 2 + HDR_PLAIN(x) * 7 + HDR_OBJ() * 3 +
	       (int)strlen(C_NAME()) * 5 + C_PASTED() + pu_h(x);
}
