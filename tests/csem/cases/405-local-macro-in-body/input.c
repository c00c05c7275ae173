#define BASE 2
int pu_f(int x)
{
#define TMP_STEP (BASE + 1)
	int r = x * TMP_STEP;
#undef TMP_STEP
	return r;
}
#include "after.h"

int pu_g(void)
{
#ifdef TMP_STEP
	_Static_assert(0, "TMP_STEP is undefined here");
#endif
	return after_val();
}
