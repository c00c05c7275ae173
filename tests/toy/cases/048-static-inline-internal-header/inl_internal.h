#ifndef INL_INTERNAL_H
#define INL_INTERNAL_H
static inline int hinl(int x)
{
	return x + 4148; /*@hinl@*/
}
#endif
