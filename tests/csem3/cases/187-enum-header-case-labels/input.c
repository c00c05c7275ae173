/* Enumeration constants of headers in case labels, in constant
 * expressions of array bounds, and macros of headers in #if around them. */
#include "kinds.h"
#include "internal_kinds.h"

static const int weights[K_LAST] = { [K_SMALL] = 3, [K_BIG] = 9 };

int pu_classify(int x)
{
	switch (x) {
	case K_NONE:
		return -1;
	case K_SMALL ... K_BIG - 1:
		return weights[K_SMALL] + C_RED;
#if HAVE_BIG && KIND_BITS > 4
	case K_BIG:
		return weights[K_BIG] + (COLOR_MASK & C_BLUE);
#endif
	default:
		return (int)(sizeof(weights) / sizeof(weights[0]));
	}
}
