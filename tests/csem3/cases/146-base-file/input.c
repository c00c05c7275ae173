#include "lvl_internal.h"
#define WHICH_BASE() __BASE_FILE__

int pu_f(int x)
{
	return header_base() + (int)sizeof(__BASE_FILE__) * 10 + (int)sizeof(WHICH_BASE()) + x;
}
