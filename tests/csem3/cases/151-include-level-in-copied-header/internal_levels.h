/* not includable (toy policy: "internal"): its code is copied into lp.c */
#include "sub/internal_deeper.h"
static int shallow_level(int x)
{
#if __INCLUDE_LEVEL__ == 1
	return x + __INCLUDE_LEVEL__ * 10;
#else
	return -x;
#endif
}
