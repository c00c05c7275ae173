/* not includable (toy policy: "internal"): its code is copied into lp.c */
#include "sub/internal_deeper.h"
static int shallow_level(int x)
{
#if DEPTH_NOW == 1
	return SCALED(x) + HERE() * 100;
#else
	return -x;
#endif
}
