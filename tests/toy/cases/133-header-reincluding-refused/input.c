#include "api.h"
#include "b.h"

int eup_g(int x)
{
	return x + 1;
}

int pu_f(struct b_thing *t)
{
	return eup_g(t->w) + 4233;
}
