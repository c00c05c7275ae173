#include "util.h"

/* Only named through the header's macros, nested. */
static int table[12];
static const char *espr_names[3];
static int width(int x) { return x * 2; }
static int fast(int x) { return x + 1; }
static int epr_slow(int x) { return x + 2; }
#define PICK(x) CHOOSE(sizeof(x) == 4, fast(x), epr_slow(x))

int pu_f(int x)
{
	RET_TYPE(width) w = 802;
	return ARRAY_SIZE(table) + ARRAY_SIZE(espr_names) + w + PICK(x);
}
