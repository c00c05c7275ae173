#include "state.h"

int take_id(void)
{
	return next_id();
}

int pf(int x)
{
	hits++;
	return two_ids() + table_at(x) + warn_once();
}
