#define SCALE(x) MUL((x), 3)
#define MUL(a, b) ((a) * (b))
#define OFFSET 11
struct knob { int level; };
#include <outer.h>

int pu_f(struct knob *k)
{
	return outer_val(k);
}
