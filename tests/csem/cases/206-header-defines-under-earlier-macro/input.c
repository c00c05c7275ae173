#define CREATE_EVENTS
#include "ev.h"

void pu_f(void)
{
	ev_hit();
}
