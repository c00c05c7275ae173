/* A template header read twice, each time making another function. */
#define NAME step_up
#define OP +
#include "step_tpl.h"
#undef NAME
#undef OP
#define NAME step_down
#define OP -
#include "step_tpl.h"
#undef NAME
#undef OP

int pu_f(int x)
{
	return step_up(x) * 100 + step_down(x);
}
