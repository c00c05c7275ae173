/*
 * __INCLUDE_LEVEL__ written in code copied out of headers (not includable)
 * keeps the header's depth in the original (1 and 2, also in an #if),
 * not lp.c's 0; in the .c file it stays 0.
 */
#include "internal_levels.h"

int pu_levels(int x)
{
	return shallow_level(x) + deeper_level(x) + __INCLUDE_LEVEL__ * 1000;
}
