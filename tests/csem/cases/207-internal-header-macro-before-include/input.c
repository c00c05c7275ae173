#include "cfg_internal.h"

int pu_f(void)
{
#ifdef FEAT_LEVEL
	_Static_assert(0, "FEAT_LEVEL was #undef'd");
#endif
	return feat_val();
}
