#define CFG_HEADER "cfg.h"
#include CFG_HEADER

int pu_f(struct cfg *c)
{
	return c->a + c->b;
}
