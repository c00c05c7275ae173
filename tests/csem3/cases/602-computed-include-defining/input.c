#include "sel.h"
#include IMPL_HDR

int pu_f(int x)
{
	return impl_run(x) + 602;
}
