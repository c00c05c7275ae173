/* The classic "define the variables once" header, read twice. */
#include "vars.h"
#define DEFINE_VARS
#include "vars.h"

int pu_f(int x)
{
	return x + eu_v_count + eu_v_limit;
}
