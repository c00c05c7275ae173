#include "hdr_internal.h"

int (*fp)(int) = hdr_addr;

int pu_f(int x)
{
	int (*g)(int) = hdr_addr;

	return hdr_triple(x) + g(x) + 1002;
}
