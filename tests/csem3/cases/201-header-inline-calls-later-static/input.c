typedef struct { int mul, add; } cfg_t;
static int base_of(int x);
#define USE_FAST 1
#include "wrap.h"

static int base_of(int x) { return x * 2; }

int pu_f(int x)
{
	cfg_t c = { 3, 201 };
	return wrap(&c, x);
}
