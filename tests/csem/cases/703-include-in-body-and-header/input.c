#define STEP 3
struct table {
#include "ops.h"
	int n;
};

int pu_f(struct table *t)
{
	int acc = t->n;
#include "step.inc"
#include "step.inc"
	return acc;
}

struct ops *pu_g(struct ops *o) { return o; }
