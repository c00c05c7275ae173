#include <stddef.h>
#include <api.h>

static long (*const ops[])(long) = { eu_impl_op };

api_val_t pu_f(api_val_t v)
{
	return api_twice(v) + ops[0](v) + eu_impl_state + (long)sizeof(size_t);
}
