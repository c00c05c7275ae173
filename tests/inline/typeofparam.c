/* typeofparam.sh: se_sys's parameters are declared as the kernel's
 * SYSCALL_DEFINE declares __se_sys_NAME's (__SC_LONG): a typeof of a
 * __builtin_choose_expr, of type long. GCC inlines se_sys into both
 * x64_sys and ia32_sys; a livepatch of x64_sys copies se_sys, called with
 * a constant (which makes lp.c add a caller standing for ia32_sys). */
#define same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define SC_LONG(t, a) __typeof(__builtin_choose_expr(same_type((t)0, 0LL) || \
	same_type((t)0, 0ULL), 0LL, 0L)) a
typedef int pid_t;
struct regs { long di, si; };
long work(pid_t p, unsigned int n);
long x64_sys(const struct regs *r);
long ia32_sys(const struct regs *r);

static long se_sys(SC_LONG(pid_t, p), SC_LONG(unsigned int, n))
{
	long r = work((pid_t)p, (unsigned int)n);

	return r + work((pid_t)p + 1, (unsigned int)n * 3);
}

long x64_sys(const struct regs *r)
{
	return se_sys(r->di, 4);
}

long ia32_sys(const struct regs *r)
{
	return se_sys(r->si, r->di);
}
