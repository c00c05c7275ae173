#define USE_FAST
#define FAST_LEVEL 3
#include "mode.h"

int pu_f(void)
{
	_Static_assert(MODE_SEEN == 2, "mode.h saw USE_FAST and FAST_LEVEL");
	return mode_val();
}
