#include "counters.h"

int pu_f(int (**g)(void))
{
	*g = eu_get_hits;
	return counters_twice(eu_hits);
}
