#include "hooks.h"

int eu_t_count;
int eu_t_count;
static int t_local;

int pu_f(int x)
{
	t_local = x;
	return eu_hook_weak(x) + eu_t_count + t_local;
}
