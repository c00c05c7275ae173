#include "export.h"

int helper(int x);
EXPORT_SYMBOL(helper);	/* written before the definition, as kernel/sched/core.c has can_nice's */

int helper(int x)
{
	return x * 2;
}

int pu_f(int x)
{
	return helper(x) + 4240;
}
