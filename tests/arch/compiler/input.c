/* Only a compiler for ppc64le sees pu_f (and its asm needs ppc64 constraints). */
#ifdef __powerpc64__
#define DS_FORM_CONSTRAINT "YZ<>"

long pu_f(long *p)
{
	long t;

	__asm__ __volatile__("ld%U1%X1 %0,%1" : "=r"(t) : DS_FORM_CONSTRAINT(*p));
	return t + 4171;
}
#endif
