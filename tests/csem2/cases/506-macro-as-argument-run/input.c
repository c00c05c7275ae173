#include <string.h>
#include "apply.h"

/* a macro of the .c file taking a macro */
#define TWICE(m, x) (m(x) m(x))

int pu_h(int x)
{
	return x * 3 + 1;
}

int eu_pu_h = 40;

int pu_f(int x)
{
	return (int)strlen(APPLY(RAWSTR, pu_h)) + (int)strlen(APPLY2(STR, pu_h)) * 2 +
	       NAME_AND_CALL(STR, pu_h, x) + (int)strlen(APPLY_VA(STR, pu_h)) * 3 +
	       (int)strlen(TWICE(RAWSTR, pu_h)) * 5 + APPLY(PFX, pu_h) + pu_h(x) +
	       DIRECT(pu_h) * 1000;
}
