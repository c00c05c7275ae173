#undef VERBOSE
#include "v.h"
#define VERBOSE 2

int pu_f(void)
{
	_Static_assert(VERBOSE == 2, "the file's VERBOSE");
	return v_level() + VERBOSE;
}
