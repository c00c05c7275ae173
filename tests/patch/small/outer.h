/* deep.h for its users, found through -I.: they do not include it themselves */
#include <deep.h>

static inline int outer_limit(int x)
{
	return limit_scaled(x) + 1;
}
