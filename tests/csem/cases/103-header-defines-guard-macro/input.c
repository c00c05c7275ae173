#define STATE_HDR "state.h"
#define WANT_STATE 1
#if WANT_STATE
#include STATE_HDR
#endif

int pu_f(int i)
{
	int (*reset)(void) = eu_state_reset;

	return eu_state_tbl[i % STATE_MAX] + reset();
}
