#include "macros_internal.h"

static int eupr_g(int x)
{
	return x + 2;
}

static int trace_eupr_g = 502;
static int espr_obj = 7;
#define OBJ_AND_NAME(o) (o + (int)sizeof(#o))

int pu_f(int x)
{
	return CALL_CHECKED(eupr_g, x) + CALL_TRACED(eupr_g, x) + OBJ_AND_NAME(espr_obj);
}
