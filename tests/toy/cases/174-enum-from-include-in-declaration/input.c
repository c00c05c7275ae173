#include "sub/feat_internal.h"

int pu_f(void)
{
	return feat(WAKEUP) ? 1 : 2;
}
