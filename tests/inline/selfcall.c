/* selfcall.sh: f calls itself through the header inline wrap: a recursion
 * cycle GCC's early inliner does not inline wrap into. */
#include "selfcall.h"
#if defined(ADDRESS) || defined(MEMBER)
#include "selfcall-other.h"
#endif
int g(int);

int f(int x)
{
	int r = g(x);

	if (r > 3)
		r += wrap(r);
	return r + g(r);
}
