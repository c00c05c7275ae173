/* A local register variable bound to a register (asm("...")) and a basic
 * asm statement in the patched function, an asm with named operands and a
 * "cc" clobber in a copied helper. */
#if defined(__x86_64__)
static int add_asm(int a, int b)
{
	int r;

	__asm__("mov %[a], %[r]\n\tadd %[b], %[r]" : [r] "=&r"(r) : [a] "r"(a), [b] "r"(b) : "cc");
	return r;
}
#endif

int pu_f(int x)
{
#if defined(__x86_64__)
	register long rbx_val __asm__("rbx") = x;

	__asm__ volatile("" : "+r"(rbx_val));
	__asm__("nop");
	return add_asm((int)rbx_val, 5);
#else
	return x + 5;
#endif
}
