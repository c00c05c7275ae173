#define DBG 1
static int helper(void) { return DBG; }
#undef DBG
#include "quiet.h"

int pu_f(void)
{
#ifdef DBG
	_Static_assert(0, "DBG is undefined here");
#endif
	return helper() + quiet_val();
}
