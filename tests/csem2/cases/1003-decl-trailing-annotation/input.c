#include "ann_internal.h"

int pu_lock(struct lk *l)
{
	return l->v * 2;
}

int pu_unlock(struct lk *l)
{
	return l->v - 1;
}

int pu_f(struct lk *l)
{
	return lk_use(l) + 3;
}
