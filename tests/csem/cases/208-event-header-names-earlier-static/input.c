static int ev_kind(int n);
static int ev_prep(int n);
#define CREATE_EVENTS
#include "ev.h"

int pu_f(int n)
{
	ev_hit(n);
	return n + 1;
}

static int ev_kind(int n)
{
	return n * 3;
}

__attribute__((noinline)) static int ev_prep(int n)
{
	return n - 1;
}
