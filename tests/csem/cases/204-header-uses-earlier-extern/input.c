typedef unsigned int lim_t;
extern int eu_limit;
extern int lim_report(int v);
static int stats_bump(lim_t n) { return (int)n + 1; }
#include "lim.h"

int pu_f(int v)
{
	return lim_clamp(v) + stats_bump(2);
}
