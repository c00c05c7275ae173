#define LVL 1
static int helper(void) { return LVL; }
#undef LVL
#define LVL 3
#include "check.h"
#undef LVL
#define LVL 5

int pu_f(void)
{
	_Static_assert(LVL == 5, "the last LVL");
	return helper() + check_val();
}
