#define FEAT_X
#include "feat.h"
#undef FEAT_X
#include "feat2.h"

int pu_f(int x)
{
	return feat_a(x) * 10 + feat_b(x);
}
