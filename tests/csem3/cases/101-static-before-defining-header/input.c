/* A prior static declaration makes the header's definition internal. */
static int shelp(int x);
#include "defs.h"

int pu_f(int x)
{
	return shelp(x) + eu_hdr_obj;
}
