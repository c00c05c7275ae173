static int eu_cb(int x);
#include "cb.h"

int (*eu_registered)(int) = eu_cb;

int pu_f(int x)
{
	int (*p)(int) = eu_cb;
	/* the address must be the running function's */
	return (p == eu_registered) * 1000 + p(x);
}
