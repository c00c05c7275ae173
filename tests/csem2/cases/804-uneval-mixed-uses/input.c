#include "api.h"
static long espr_both[4];
static int helper(int x) { return x + 804; }
int ee_counter;
int ee_func(int x) { return x; }

int pu_f(int x)
{
	/* named unevaluated first, then used: the ordinary decision wins */
	int n = sizeof(espr_both) + sizeof(helper(x));

	espr_both[0] = n;
	return helper(x) + sizeof(ee_counter) + sizeof(ee_func(x)) + (int)espr_both[0];
}
