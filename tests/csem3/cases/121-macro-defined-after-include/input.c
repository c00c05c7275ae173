#include "feat.h"
#define FEATURE_X 1

#ifdef FEATURE_X
static int local_mode(void) { return 50; }
#else
static int local_mode(void) { return 60; }
#endif

int pu_f(int x)
{
	return feat_scale(x) + FEAT_VAL + local_mode();
}
