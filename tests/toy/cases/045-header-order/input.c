#include <stddef.h>
#include "zeta.h"
#include "alpha.h"

size_t pu_f(struct alpha *a, struct zeta *z)
{
	return a->a + z->z;
}
