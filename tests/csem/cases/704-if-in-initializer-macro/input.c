#include "flags.h"
#define HAVE_B 1
#define ENTRY(f) { #f, f }
static const struct { const char *n; int v; } names[] = {
	ENTRY(FLAG_A),
#if HAVE_B
	ENTRY(FLAG_B),
#endif
};

int pu_f(int i)
{
	return names[i].v;
}
