/* coldcall.sh: a header's inline writing a register, traced when a static
 * key is on, and its wrapper splitting a 64-bit value (the kernel's
 * native_write_msr and wrmsrl). */
extern void do_trace(unsigned int reg, unsigned long long v, int failed);
extern char trace_key;

static inline __attribute__((__always_inline__)) int trace_enabled(void)
{
	__asm__ goto("1: .byte 0x0f,0x1f,0x44,0x00,0x00\n"
		     ".pushsection .discard.keys, \"aw\"\n .quad 1b, %l[yes], %c0\n .popsection\n"
		     : : "i"(&trace_key) : : yes);
	return 0;
yes:
	return 1;
}

static inline void reg_write(unsigned int reg, unsigned int lo, unsigned int hi)
{
	__asm__ __volatile__("1: wrmsr\n2:\n"
			     ".pushsection .discard.fixups, \"a\"\n"
			     " .balign 4\n .long 1b - .\n .long 2b - .\n .long 8\n"
			     ".popsection\n"
			     : : "c"(reg), "a"(lo), "d"(hi) : "memory");
	if (trace_enabled())
		do_trace(reg, ((unsigned long long)hi << 32) | lo, 0);
}

static inline void reg_write64(unsigned int reg, unsigned long long v)
{
	reg_write(reg, (unsigned int)v, (unsigned int)(v >> 32));
}
