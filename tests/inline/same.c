#include "same.h"

int f(struct cb *c)
{
	int r = cb_on(c) + cb_unused_elsewhere(c);

	cb_reset(c);
	return r;
}

int g(struct cb *c)
{
	cb_reset(c);
	return cb_on(c);
}
