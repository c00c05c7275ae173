#include <stdio.h>
#include "unused.h"
#include "needed.h"

int other(void)
{
	return printf("x\n");
}

int pu_f(void)
{
	return NEEDED_VAL;
}
