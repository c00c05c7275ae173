struct pt_regs {
	long di, si;
};

/* The shape of arch/x86/include/asm/syscall_wrapper.h. */
#define __SYS_STUBx(abi, name, ...)				\
	long __##abi##_##name(const struct pt_regs *regs);	\
	long __##abi##_##name(const struct pt_regs *regs)	\
	{							\
		return __se_##name(__VA_ARGS__);		\
	}
#define __X64_SYS_STUBx(x, name, ...) __SYS_STUBx(x64, sys##name, regs->di)
#define __IA32_SYS_STUBx(x, name, ...) __SYS_STUBx(ia32, sys##name, regs->si)
#define SYSCALL_DEFINE1(name, t, a)				\
	static long __se_sys##name(long a);			\
	static inline long __do_sys##name(t a);			\
	__X64_SYS_STUBx(1, name, t, a)				\
	__IA32_SYS_STUBx(1, name, t, a)				\
	static long __se_sys##name(long a)			\
	{							\
		return __do_sys##name((t)a);			\
	}							\
	static inline long __do_sys##name(t a)

SYSCALL_DEFINE1(_poke, int, v)
{
	return v + 4237;
}
