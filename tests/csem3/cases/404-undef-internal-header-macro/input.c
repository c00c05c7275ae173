#include "lim_internal.h"
static int lim_a(int x) { return x > LIMIT ? LIMIT : x; }
#undef LIMIT
#define LIMIT 50
#include "use_limit.h"

int pu_f(int x)
{
	return lim_a(x) * 1000 + lim_b(x);
}
