#include "api.h"

int f(int *p)
{
	do_unlink(p);
	return hidden_direct(*p);
}
