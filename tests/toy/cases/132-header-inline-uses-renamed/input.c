#include "inl.h"

int eur_cnt;

cnt_t pu_f(void)
{
	return hget() + eur_cnt;
}
