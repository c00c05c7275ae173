enum lvl { LVL_LOW = 2, LVL_HIGH = 9 };
#define PICK(a, b) ((a) > (b) ? (a) : (b))
int eu_shared_level = 5;
#include "pick.h"

int pu_f(int x)
{
	return pick_level(x);
}
