/*
 * A header's writable static that the patched code changes (through the
 * header's inline): lp.c's #include would make a fresh instance starting
 * at 10 again; the livepatch must go on counting in the running unit's.
 */
#include "state.h"

int pu_count(int x)
{
	return hbump(x) * 2;
}

int other(int x) { return hbump(-x); }
