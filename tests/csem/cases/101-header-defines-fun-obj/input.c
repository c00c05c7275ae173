#include "defs.h"

typedef int (*getter_t)(const struct rec *);

int pu_f(const struct rec *r, getter_t *out)
{
	*out = eu_hdr_get;
	return eu_hdr_get(r) + eu_hdr_count + REC_BIAS;
}
