/* SYSCALL_DEFINE0-like: __x64_sys_vhangup is only an alias of __do_sys_vhangup */
#define __alias(symbol) __attribute__((__alias__(#symbol)))
struct error_injection_entry { unsigned long addr; int etype; };
#define ALLOW_ERROR_INJECTION(fname, _etype)				\
static struct error_injection_entry __attribute__((__used__))	\
	__attribute__((__section__("_error_injection_whitelist")))	\
	_eil_addr_##fname = {						\
		.addr = (unsigned long)fname,				\
		.etype = 1,				\
	};
#define __SYS_STUB0(abi, name) \
	long __##abi##_##name(const int *regs); \
	ALLOW_ERROR_INJECTION(__##abi##_##name, ERRNO);			\
	long __##abi##_##name(const int *regs) __alias(__do_##name);
#define SYSCALL_DEFINE0(sname) \
	static long __do_sys_##sname(const int *__unused); \
	__SYS_STUB0(x64, sys_##sname) \
	static long __do_sys_##sname(const int *__unused)

SYSCALL_DEFINE0(vhangup)
{
	return 0;
}
