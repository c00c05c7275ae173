#include "ops.h"

typedef int (*op_t)(int);

int pu_f(int x)
{
	op_t o = eu_op_double;
	/* the address must be the running eu_op_double's */
	return (o == eu_op_ref ? 1000 : 0) + o(x);
}
