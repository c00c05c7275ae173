#include "lib.h"

int pu_f(int a)
{
	return lib_sum(a, 2) + lib_inl(a);
}
