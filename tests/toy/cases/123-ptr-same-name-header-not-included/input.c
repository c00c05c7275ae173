#include "api.h"

int eup_f(int x)
{
	return x + 4230;
}

int pu_f(int x)
{
	return eup_f(x);
}
