/* "Bm" is a memory constraint GCC has on x86 and clang does not: clang
 * rejects the asm, so the parse sees a neutralized copy; lp.c keeps "Bm". */
#include "asm_ops.h"

#define LOAD_CONSTRAINT "Bm"

static inline int load_once(int *p)
{
	int t;

	__asm__ __volatile__("" : "=r"(t) : LOAD_CONSTRAINT(*p));
	return t;
}

int pu_f(int *p)
{
	int v;

	__asm__ __volatile__("" : "=r"(v) : "Bm"(p[1]));
	return load_once(p) + v + peek(p) + 4170;
}
