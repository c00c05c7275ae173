#include "types.h"
extern int eur_cnt;
static inline int hget(void)
{
	return eur_cnt + 4232;
}
