#include "once.h"
#undef ONCE_VAL
#define ONCE_VAL 9
#include "once.h"

int pu_f(int x)
{
	return x + ONCE_VAL + once_count;
}
