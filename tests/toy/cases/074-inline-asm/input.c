static inline unsigned long barrier_val(unsigned long v)
{
	asm volatile("" : "+r"(v) : : "memory");
	return v;
}

unsigned long pu_f(unsigned long x)
{
	__asm__ __volatile__("nop");
	return barrier_val(x + 4174);
}
