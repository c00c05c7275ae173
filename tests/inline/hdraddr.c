/* plain_mtu is global and calls a header's static inline (metric_mtu);
 * dst_mtu() of hdraddr.h compares its address and calls it: GCC inlined
 * the call into the patched fits(). */
#include "hdraddr.h"

unsigned int plain_mtu(const struct dst *d)
{
	return metric_mtu(d, 0);
}

const struct dst_ops plain_ops = { plain_mtu };

int fits(const struct dst *d, unsigned int len)
{
	return len <= dst_mtu(d);
}
