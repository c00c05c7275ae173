#ifndef ASM_OPS_H
#define ASM_OPS_H
#define PEEK_CONSTRAINT "=r"
static inline int peek(int *p)
{
	int t;

	__asm__ __volatile__("" : PEEK_CONSTRAINT(t) : "Bm"(*p));
	return t;
}
#endif
