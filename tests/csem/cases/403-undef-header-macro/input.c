#include "lim.h"
#undef LIMIT
#include "after.h"
#define LIMIT 20

int pu_f(struct lim *l)
{
	_Static_assert(LIMIT == 20, "redefined LIMIT");
	_Static_assert(AFTER_LIMIT == 1, "after.h saw LIMIT undefined");
	_Static_assert(sizeof(l->v) == 10 * sizeof(int), "struct lim from lim.h");
	return l->v[0] + after_val() + LIMIT;
}
