#include "types.h"
static inline int hget(void)
{
	return eur_cnt + 4232;
}
