static int eur_cnt;

#include "inl.h"

cnt_t pu_f(void)
{
	return hget() + eur_cnt;
}
