/*
 * __INCLUDE_LEVEL__ in the body of a macro (directly, or through another
 * one) that code copied out of headers invokes: it counts the depth of the
 * header the invocation is in (1 and 2 here), not lp.c's 0; the .c file's
 * own invocations stay 0.
 */
#include "levels.h"
#define HERE() __INCLUDE_LEVEL__
#include "internal_levels.h"

int pu_levels(int x)
{
	return shallow_level(x) + deeper_level(x) + SCALED(x) * 1000 + HERE() * 7;
}
