#define MODE 1
#include "gen.h"
#undef MODE
#define MODE 2
#include "gen.h"

int pu_f(int x)
{
	return gen_one(x) * 10 + gen_two(x);
}
